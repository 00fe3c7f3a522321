[ -f precision.txt ] || fail_key precision-missing
val() { awk -v k="$1" '$1 == k { print $2 }' confusion.txt; }
tp=$(val true_positive); fp=$(val false_positive); fn=$(val false_negative); tn=$(val true_negative)
line=$(grep -m1 . precision.txt)
got=$(printf '%s\n' "$line" | grep -oE '[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?' | tail -n 1)
[ -n "$got" ] || fail_key no-number "$line"
near() { awk -v g="$1" -v w="$2" 'BEGIN { d = g - w; exit !(d <= 0.01 && d >= -0.01) }'; }
want=$(awk -v a=$tp -v b=$fp 'BEGIN { print a / (a + b) }')
near "$got" "$want" && exit 0
near "$got" "$(awk -v a=$tp -v b=$fn 'BEGIN { print a / (a + b) }')" &&
  fail_key is-recall "$got"
near "$got" "$(awk -v a=$tp -v b=$fp -v c=$fn -v d=$tn 'BEGIN { print (a + d) / (a + b + c + d) }')" &&
  fail_key is-accuracy "$got"
near "$(awk -v g="$got" 'BEGIN { print g / 100 }')" "$want" &&
  fail_key is-percent "$got"
fail_key wrong "$got"
