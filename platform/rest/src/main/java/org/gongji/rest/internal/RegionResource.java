package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.spi.chronic.ChronicDisease;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.registry.RegionRegistry;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Views.ParameterView;
import org.gongji.rest.internal.Views.RegionView;
import org.gongji.rest.internal.Views.RulesView;
import org.gongji.rules.StandardRegion;

/** The regions deployed, and each region's numbers in force on a day with their citations. */
@Path("/api/v1/regions")
@Tag(name = "regions")
@Produces(MediaType.APPLICATION_JSON)
public final class RegionResource {

    private final RegionRegistry regions;

    RegionResource(RegionRegistry regions) {
        this.regions = regions;
    }

    @GET
    @io.swagger.v3.oas.annotations.Operation(operationId = "regions", summary = "The deployed regions with their conformance to their province's bounds")
    @ApiResponse(responseCode = "200", description = "every deployed region",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = RegionView.class))))
    public List<RegionView> deployed(@Context SecurityContext security) {
        Access.requireRole(Caller.of(security), Operation.LIST_REGIONS);
        return regions.deployments().stream().map(RegionView::of).toList();
    }

    @GET
    @Path("{code}/rules")
    @io.swagger.v3.oas.annotations.Operation(operationId = "rules", summary = "Every parameter in force on a date, with its citation",
            description = "The rules that settle for the region: a city without a bundle of its own shows its province's.")
    @ApiResponse(responseCode = "200", description = "the parameters in force",
            content = @Content(schema = @Schema(implementation = RulesView.class)))
    @Refusals({ErrorCode.REGION_NOT_DEPLOYED, ErrorCode.RULES_NOT_IN_FORCE})
    public RulesView rules(@Parameter(description = "six-digit region code", schema = @Schema(pattern = Requests.REGION_PATTERN)) @PathParam("code") String code, @Parameter(required = true, description = "the day, YYYY-MM-DD", schema = @Schema(type = "string", format = "date", pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")) @QueryParam("date") String date,
            @Context SecurityContext security) {
        Access.requireRole(Caller.of(security), Operation.READ_RULES);
        LocalDate day = parseDate(Requests.required(date, "date"));
        // the rules that settle for the region: a city without a bundle of its own shows its province's
        Region region = regions.rulesFor(Requests.regionCode(code, "code"), day);
        return new RulesView(region.metadata().code().value(), region.metadata().name(), day,
                region.parameters().inForce(day).stream().map(ParameterView::of).toList());
    }

    /**
     * The chronic and special-disease catalogue (门诊慢特病病种目录) in force on the date for the region (its
     * province's where the city has no bundle), each disease with its name, group, cover and the rows of
     * its terms with their citations. A province that sets the catalogue for its cities but settles
     * nothing itself shows the catalogue without terms.
     */
    @GET
    @Path("{code}/chronic-diseases")
    @io.swagger.v3.oas.annotations.Operation(operationId = "chronicDiseases", summary = "The chronic and special-disease catalogue (门诊慢特病) in force on a date")
    @ApiResponse(responseCode = "200", description = "each disease with its name, group, cover and its terms with citations",
            content = @Content(schema = @Schema(implementation = ChronicCatalogueView.class)))
    @Refusals({ErrorCode.REGION_NOT_DEPLOYED, ErrorCode.RULES_NOT_IN_FORCE})
    public ChronicCatalogueView chronicDiseases(@Parameter(description = "six-digit region code", schema = @Schema(pattern = Requests.REGION_PATTERN)) @PathParam("code") String code, @Parameter(required = true, description = "the day, YYYY-MM-DD", schema = @Schema(type = "string", format = "date", pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")) @QueryParam("date") String date,
            @Context SecurityContext security) {
        Access.requireRole(Caller.of(security), Operation.READ_CHRONIC_CATALOGUE);
        LocalDate day = parseDate(Requests.required(date, "date"));
        Region region = regions.rulesFor(Requests.regionCode(code, "code"), day);
        List<ChronicDisease> diseases = region.chronicDiseaseCoverage().map(c -> c.diseases(day))
                .orElseGet(() -> StandardRegion.chronicCatalogue(region.parameters(), day));
        return new ChronicCatalogueView(region.metadata().code().value(), region.metadata().name(), day,
                diseases.stream().map(ChronicDiseaseView::of).toList());
    }

    @Schema(name = "ChronicCatalogue")
    record ChronicCatalogueView(String region, @Schema(nullable = true) String name, LocalDate date,
            List<ChronicDiseaseView> diseases) {
    }

    /** @param cover DISEASE (病种保障) or COST (费用保障: settled under the general outpatient pooling) */
    @Schema(name = "ChronicDisease")
    record ChronicDiseaseView(String code, @Schema(nullable = true) String name, @Schema(nullable = true) String citation,
            boolean assumption, @Schema(nullable = true) String group,
            @Schema(allowableValues = {"DISEASE", "COST"}) String cover, List<ParameterView> terms) {
        static ChronicDiseaseView of(ChronicDisease d) {
            return new ChronicDiseaseView(d.code(), d.name(), d.citation() == null ? null : Views.cite(d.citation()),
                    d.citation() != null && d.citation().assumption(), d.group(), d.cover().name(),
                    d.terms().stream().map(ParameterView::of).toList());
        }
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "a date is YYYY-MM-DD, not " + text);
        }
    }
}
