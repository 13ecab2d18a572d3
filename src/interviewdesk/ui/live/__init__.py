"""The live interview window: script, timer, notes, rubric and the candidate's questions."""
