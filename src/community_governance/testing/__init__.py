"""The testing kit: case files (`cases`), their opt-in pytest plugin (`pytest_plugin`), the
runner behind ``cgov test`` (`runner`) and the Hypothesis entry point (`_hypothesis`) that
registers a strategy for every model."""
