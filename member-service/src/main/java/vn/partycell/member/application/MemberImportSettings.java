package vn.partycell.member.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How member imports run ({@code partycell.member-import.*}): a bounded pool of {@code workers} with at
 * most {@code queueCapacity} runs waiting (more are refused with 409 rather than piling up), rows
 * stored {@code chunkSize} at a time, at most {@code maxCells} cells under the node a run imports
 * into, uploads kept in {@code spoolDir} until their run is over.
 */
@Validated
@ConfigurationProperties("partycell.member-import")
public record MemberImportSettings(
        @DefaultValue("1") @Min(1) @Max(8) int workers,
        @DefaultValue("4") @Min(0) @Max(100) int queueCapacity,
        @DefaultValue("500") @Min(1) @Max(5000) int chunkSize,
        @DefaultValue("20000") @Min(1) int maxCells,

        @DefaultValue("${java.io.tmpdir}/partycell-member-imports") @NotBlank
        String spoolDir) {}
