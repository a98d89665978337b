"""The generated demo store: a catalogue and a behaviour log with latent personas."""
