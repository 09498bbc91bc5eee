package dev.polygraph.load.sh;

import java.util.List;

/**
 * One simple command of a script: its words, its output redirections and the here-documents fed
 * to it. Control words ({@code if}, {@code then}, {@code do}, …) are left in {@code words}; readers
 * skip them.
 *
 * @param writes the files its output goes to ({@code > F}, {@code >> F}, and {@code tee F})
 * @param heredocs the bodies of its here-documents, in order
 */
record Command(List<Word> words, List<Word> writes, List<Word> heredocs) {
  Command {
    words = List.copyOf(words);
    writes = List.copyOf(writes);
    heredocs = List.copyOf(heredocs);
  }
}
