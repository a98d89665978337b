"""The merchant assistant: goals in words -> campaigns, confirmed before anything is written."""
