import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;

/** Reads "name,score" lines from standard input and prints a report. */
public class Grades {
  public static void main(String[] args) {
    Scanner in = new Scanner(System.in);
    List<Integer> list = new ArrayList<>();
    while (in.hasNextLine()) {
      String line = in.nextLine().trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      list.add(Integer.parseInt(line.split(",")[1].trim()));
    }
    int[] scores = list.stream().mapToInt(Integer::intValue).toArray();
    System.out.println("students: " + scores.length);
    System.out.println("mean: " + Stats.mean(scores));
    System.out.println("max: " + Stats.max(scores));
    System.out.println("passed: " + Stats.passed(scores, 60));
  }
}

/** The calculations: values in, values out, no input or output. */
class Stats {
  static double mean(int[] scores) {
    int sum = 0;
    for (int s : scores) {
      sum += s;
    }
    System.out.println("sum: " + sum);
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
