package org.gongji.store;

/** A store its opener owns: closing it closes the database (and shuts embedded Derby down cleanly). */
public interface OpenStore extends Store, AutoCloseable {

    @Override
    void close();
}
