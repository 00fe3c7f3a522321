"""Order statistics; needs the shopstats package, installed in one of the two venvs."""
import sys

try:
    import shopstats
except ModuleNotFoundError as e:
    sys.exit(f"{e}\n(this python: {sys.executable})")
print("stats:", shopstats.summary("data/orders.db"))
