package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.conformance.ConformanceCheck;
import org.gongji.engine.conformance.ConformanceReport;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rules.ParameterTableReader;
import org.gongji.rules.StandardRegion;
import org.gongji.rules.vocabulary.TableRefused;
import org.gongji.rules.vocabulary.Vocabulary;
import org.gongji.rest.internal.Views.ConformanceView;

/**
 * The filing check (备案校验) of a draft table before a bureau files it with the province: the
 * vocabulary (every key known, of its kind, the required ones present), then the bounds of the
 * province deployed now. Changes nothing: the draft never serves.
 */
@Path("/api/v1/filing-checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "regions")
public final class FilingCheckResource {

    private final RegionRegistry regions;

    FilingCheckResource(RegionRegistry regions) {
        this.regions = regions;
    }

    @Schema(name = "FilingProblem")
    record ProblemView(String where, @Schema(nullable = true) String key, String message) {
    }

    /**
     * @param status {@code REFUSED} (the table does not read), or the conformance status
     * @param assumptions rows no document sets, for the bureau to confirm
     */
    @Schema(name = "FilingCheck")
    record FilingView(String status, @Schema(nullable = true) String region, @Schema(nullable = true) String name,
            @Schema(nullable = true) String parent, int rows, int assumptions, List<ProblemView> problems,
            @Schema(description = "left out when the table is REFUSED") @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) ConformanceView conformance, @Schema(nullable = true) String report) {
    }

    @POST
    @io.swagger.v3.oas.annotations.Operation(operationId = "filingCheck",
            summary = "备案校验: checks a draft region table (text) against the vocabulary and its province's bounds; changes nothing")
    @ApiResponse(responseCode = "200", description = "the check: REFUSED with the problems, or the conformance",
            content = @Content(schema = @Schema(implementation = FilingView.class)))
    @Consumes({MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public FilingView check(String table, @Context SecurityContext security) {
        Access.requireRole(Caller.of(security), Operation.FILING_CHECK);
        if (table == null || table.isBlank()) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "the body is the text of a region table");
        }
        ParameterTable parsed;
        try {
            parsed = ParameterTableReader.read("draft", new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)),
                    Vocabulary.standard());
        } catch (TableRefused refused) {
            List<ProblemView> problems = refused.problems().stream()
                    .map(p -> new ProblemView(p.where(), p.key(), p.message())).toList();
            return refused(problems);
        } catch (IllegalArgumentException e) {
            return refused(List.of(new ProblemView("draft", null, e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Region draft;
        try {
            draft = new StandardRegion(parsed);
        } catch (RuntimeException e) {
            return refused(List.of(new ProblemView("draft", null, e.getMessage())));
        }
        var m = draft.metadata();
        ConformanceReport report = m.parent() == null ? ConformanceReport.notChecked(m.code())
                : regions.find(m.parent()).map(p -> ConformanceCheck.check(draft, p)).orElse(ConformanceReport.notChecked(m.code()));
        int assumptions = (int) parsed.entries().stream().filter(Parameter::assumption).count();
        List<String> lines = new ArrayList<>();
        lines.add("备案校验 " + m.code() + " " + m.name() + "（上级 " + (m.parent() == null ? "无" : m.parent()) + "）");
        lines.add("参数词表：通过，共 " + parsed.entries().size() + " 行，其中待确认假设 " + assumptions + " 行");
        lines.add("省级标准：" + switch (report.status()) {
            case CONFORMS -> "符合 " + report.checkedAgainst();
            case VIOLATES -> "违反 " + report.checkedAgainst() + " 的 " + report.violations().size() + " 项标准";
            case NOT_CHECKED -> "未校验（上级地区未部署）";
        });
        report.violations().forEach(v -> lines.add("  " + v.parameter() + " = " + v.actual() + "，标准 " + v.bound() + "（"
                + v.citation() + "，自 " + v.from() + "）"));
        parsed.entries().stream().filter(Parameter::assumption)
                .forEach(p -> lines.add("  假设：" + p.key() + " = " + p.text() + (p.note() == null ? "" : "（" + p.note() + "）")));
        return new FilingView(report.status().name(), m.code().value(), m.name(), m.parent() == null ? null : m.parent().value(),
                parsed.entries().size(), assumptions, List.of(), ConformanceView.of(report), String.join("\n", lines));
    }

    private static FilingView refused(List<ProblemView> problems) {
        List<String> lines = new ArrayList<>();
        lines.add("备案校验：参数表不能读取，共 " + problems.size() + " 处问题");
        problems.forEach(p -> lines.add("  " + p.where() + (p.key() == null ? "" : ": " + p.key()) + ": " + p.message()));
        return new FilingView("REFUSED", null, null, null, 0, 0, problems, null, String.join("\n", lines));
    }
}
