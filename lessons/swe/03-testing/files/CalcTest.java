/** Unit tests for Calc: each line checks one small behaviour with fixed values. */
class CalcTest {
  public static void main(String[] args) {
    Check.equal(6, Calc.sum(new int[] {1, 2, 3}), "sum of 1, 2, 3");
    Check.equal(0, Calc.sum(new int[] {}), "sum of nothing");
    Check.equal(7, Calc.range(new int[] {3, 10, 5}), "range of 3, 10, 5");
    // add your tests for Calc.average below

    Check.done();
  }
}
