"""Pure interview logic: vocabulary, timer, scoring, pacing, panel aggregation. No Qt, no SQL."""
