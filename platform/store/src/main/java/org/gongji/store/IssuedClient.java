package org.gongji.store;

/** A client just created, with its token: the one time the token is seen. */
public record IssuedClient(Client client, String token) {

    @Override
    public String toString() {
        return "IssuedClient[" + client + ", token hidden]";
    }
}
