import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;

/** Reads "name,score" lines from standard input and prints a report. */
public class Grades {
  public static void main(String[] args) {
    Scanner in = new Scanner(System.in);
    List<Integer> scores = new ArrayList<>();
    while (in.hasNextLine()) {
      String line = in.nextLine().trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      scores.add(Integer.parseInt(line.split(",")[1].trim()));
    }
    int sum = 0;
    int max = Integer.MIN_VALUE;
    int passed = 0;
    for (int s : scores) {
      sum += s;
      max = Math.max(max, s);
      if (s >= 60) {
        passed++;
      }
    }
    System.out.println("students: " + scores.size());
    System.out.println("mean: " + (double) sum / scores.size());
    System.out.println("max: " + max);
    System.out.println("passed: " + passed);
  }
}
