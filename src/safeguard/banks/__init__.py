"""Banks: named hash lists with provenance; their entries; import and export formats."""
