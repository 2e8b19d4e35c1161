"""The testing kit: case files (`cases`), their pytest plugin (`pytest_plugin`) and the
Hypothesis entry point (`_hypothesis`) that registers a strategy for every model."""
