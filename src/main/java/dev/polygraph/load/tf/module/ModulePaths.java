package dev.polygraph.load.tf.module;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Directory names as the scan names files: relative to the scan root, forward slashes, "" for the
 * scan root itself. A module's source ({@code ../..}) may lead above the scan root ("../x").
 */
public final class ModulePaths {

  private ModulePaths() {}

  /** The directory of a file name: "a/b" for "a/b/main.tf", "" for "main.tf". */
  public static String dirOf(String fileName) {
    int slash = fileName.lastIndexOf('/');
    return slash < 0 ? "" : fileName.substring(0, slash);
  }

  /** {@code relative} taken from {@code dir}, with "." and ".." resolved. */
  static String join(String dir, String relative) {
    // Files outside the scan root are named by absolute paths; those stay absolute.
    boolean absolute = dir.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String s : split(dir)) {
      push(parts, s, absolute);
    }
    for (String s : split(relative)) {
      push(parts, s, absolute);
    }
    return (absolute ? "/" : "") + String.join("/", parts);
  }

  /** A file name in a directory. */
  public static String file(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  /** How Terraform shows a directory relative to the root module: "." for the same one. */
  static String relative(String from, String to) {
    List<String> a = split(from);
    List<String> b = split(to);
    int common = 0;
    while (common < a.size() && common < b.size() && a.get(common).equals(b.get(common))) {
      common++;
    }
    List<String> out = new ArrayList<>();
    for (int i = common; i < a.size(); i++) {
      out.add("..");
    }
    out.addAll(b.subList(common, b.size()));
    return out.isEmpty() ? "." : String.join("/", out);
  }

  /** The directory as a report shows it: "." for the scan root. */
  static String display(String dir) {
    return dir.isEmpty() ? "." : dir;
  }

  /** Whether a file lies in {@code dir} or below it. */
  static boolean isUnder(String fileName, String dir) {
    if (fileName.startsWith("../")) {
      return dir.startsWith("..") && fileName.startsWith(dir + "/");
    }
    return dir.isEmpty() || fileName.startsWith(dir + "/");
  }

  static boolean isLocalSource(String source) {
    return source.startsWith("./") || source.startsWith("../") || source.equals(".") || source.equals("..");
  }

  private static void push(Deque<String> parts, String segment, boolean absolute) {
    if (segment.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
      parts.removeLast();
    } else if (!(segment.equals("..") && absolute && parts.isEmpty())) {
      parts.addLast(segment); // ".." above "/" is "/"
    }
  }

  private static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.replace('\\', '/').split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        out.add(s);
      }
    }
    return out;
  }
}
