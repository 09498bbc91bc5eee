package dev.polygraph.report.sarif;

import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What GitHub code scanning accepts in one SARIF upload; a file past any of these is rejected as a
 * whole ("SARIF results exceed hard limit", "SARIF file is too large"), so the reporter trims the
 * run to fit and says so in a notification instead.
 *
 * @param resultsPerRun results in one run (GitHub: 25,000)
 * @param locationsPerResult locations of one result, its own plus related ones (GitHub: 1,000)
 * @param gzipBytes size of the gzip-compressed file (GitHub: 10 MB)
 */
record UploadLimits(int resultsPerRun, int locationsPerResult, long gzipBytes) {
  static final UploadLimits GITHUB = new UploadLimits(25_000, 1_000, 10_000_000L);

  UploadLimits {
    if (resultsPerRun < 0 || locationsPerResult < 1 || gzipBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Cuts each result's related locations so that its own location and them make at most the limit. */
  void capRelatedLocations(Run run) {
    int maxRelated = locationsPerResult - 1;
    int capped = 0;
    for (Result result : run.getResults()) {
      Set<Location> related = result.getRelatedLocations();
      if (related != null && related.size() > maxRelated) {
        Set<Location> kept = new LinkedHashSet<>(related.stream().limit(maxRelated).toList());
        result.setRelatedLocations(kept.isEmpty() ? null : kept);
        capped++;
      }
    }
    if (capped > 0) {
      notify(run, String.format(Locale.ROOT,
          "Kept the first %d related locations of %d %s that had more, within GitHub code scanning's"
              + " limit of %d locations per result.",
          maxRelated, capped, capped == 1 ? "result" : "results", locationsPerResult));
    }
  }

  /**
   * Keeps the {@code max} most severe results of the run, in their order, and says in a notification
   * how many of which level were left out and why.
   */
  static void keepMostSevere(Run run, int max, String why) {
    List<Result> results = run.getResults();
    if (results.size() <= max) {
      return;
    }
    boolean[] keep = new boolean[results.size()];
    IntStream.range(0, results.size())
        .boxed()
        .sorted(Comparator.comparingInt((Integer i) -> severityRank(results.get(i))).thenComparingInt(i -> i))
        .limit(max)
        .forEach(i -> keep[i] = true);
    List<Result> kept = new ArrayList<>();
    int[] leftOut = new int[RANKS.length];
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        kept.add(results.get(i));
      } else {
        leftOut[severityRank(results.get(i))]++;
      }
    }
    run.setResults(kept);
    List<String> parts = new ArrayList<>();
    for (int rank = 0; rank < leftOut.length; rank++) {
      if (leftOut[rank] > 0) {
        parts.add(leftOut[rank] + " " + RANKS[rank][leftOut[rank] == 1 ? 0 : 1]);
      }
    }
    notify(run, String.format(Locale.ROOT,
        "Left out %d of %d results, the least severe (%s), %s; text and JSON output have them all.",
        results.size() - max, results.size(), String.join(", ", parts), why));
  }

  /** The names of {@link #severityRank}'s ranks, singular and plural. */
  private static final String[][] RANKS = {
    {"error", "errors"}, {"warning", "warnings"}, {"note", "notes"}, {"undecided", "undecided"},
    {"suppressed", "suppressed"}
  };

  /** Errors first, then warnings, notes, undecided checks ("open"), and last what is suppressed. */
  private static int severityRank(Result result) {
    if (result.getSuppressions() != null && !result.getSuppressions().isEmpty()) {
      return 4;
    }
    if (result.getKind() != null && result.getKind() != Result.Kind.FAIL) {
      return 3;
    }
    Result.Level level = result.getLevel() == null ? Result.Level.WARNING : result.getLevel();
    return switch (level) {
      case ERROR -> 0;
      case WARNING -> 1;
      default -> 2;
    };
  }

  private static void notify(Run run, String message) {
    Invocation invocation = run.getInvocations().get(0);
    List<Notification> notifications =
        invocation.getToolExecutionNotifications() == null
            ? new ArrayList<>()
            : new ArrayList<>(invocation.getToolExecutionNotifications());
    notifications.add(
        new Notification().withLevel(Notification.Level.WARNING).withMessage(new Message().withText(message)));
    invocation.setToolExecutionNotifications(notifications);
  }
}
