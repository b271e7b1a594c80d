"""The benchmark: speed and memory of generating, importing and querying a large dataset."""
