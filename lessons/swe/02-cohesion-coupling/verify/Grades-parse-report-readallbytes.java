import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;

/** Reads "name,score" lines from standard input and prints a report: input and output only. */
public class Grades {
  public static void main(String[] args) {
    String text;
    try {
      text = new String(System.in.readAllBytes());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    System.out.println(Report.format(Parser.scores(text)).strip());
  }
}

/** Text to values. */
class Parser {
  static int[] scores(String text) {
    List<Integer> list = new ArrayList<>();
    for (String line : text.split("\n")) {
      line = line.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      list.add(Integer.parseInt(line.split(",")[1].trim()));
    }
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}

/** Values to the report's text. */
class Report {
  static String format(int[] scores) {
    return "students: " + scores.length + "\n"
        + "mean: " + Stats.mean(scores) + "\n"
        + "max: " + Stats.max(scores) + "\n"
        + "passed: " + Stats.passed(scores, 60) + "\n";
  }
}

/** The calculations: values in, values out, no input or output. */
class Stats {
  static double mean(int[] scores) {
    int sum = 0;
    for (int s : scores) {
      sum += s;
    }
    return (double) sum / scores.length;
  }

  static int max(int[] scores) {
    int max = Integer.MIN_VALUE;
    for (int s : scores) {
      max = Math.max(max, s);
    }
    return max;
  }

  static int passed(int[] scores, int passMark) {
    int n = 0;
    for (int s : scores) {
      if (s >= passMark) {
        n++;
      }
    }
    return n;
  }
}
