package dev.polygraph.report.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import java.util.List;

/**
 * java-sarif marks every class {@code @JsonInclude(NON_DEFAULT)}, which leaves out any property equal
 * to the schema's default. That is what we want for the -1 indexes, "en-US" and the default newline
 * sequences, but a few properties must always be written:
 *
 * <ul>
 *   <li>{@code run.results}: an empty array means "ran and found nothing", which lets GitHub close
 *       fixed alerts; an absent one means "no results were determined".
 *   <li>levels and {@code result.kind}: a reader shouldn't need the spec's defaults ("warning",
 *       "fail") to know what a result is, and GitHub's severity display reads the level.
 * </ul>
 */
final class SarifMixins {
  private SarifMixins() {}

  static ObjectMapper register(ObjectMapper mapper) {
    return mapper
        .addMixIn(Run.class, RunMixin.class)
        .addMixIn(Result.class, ResultMixin.class)
        .addMixIn(Notification.class, NotificationMixin.class)
        .addMixIn(ReportingConfiguration.class, ReportingConfigurationMixin.class);
  }

  abstract static class RunMixin {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract List<Result> getResults();
  }

  abstract static class ResultMixin {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract Result.Kind getKind();

    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract Result.Level getLevel();
  }

  abstract static class NotificationMixin {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract Notification.Level getLevel();
  }

  abstract static class ReportingConfigurationMixin {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract ReportingConfiguration.Level getLevel();
  }
}
