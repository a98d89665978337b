"""llama-cpp-python's OpenAI-compatible server, loading weights as the in-process backend does.

``python -m knowledge.llm_server --model X.gguf [llama_cpp.server's arguments]`` is
``python -m llama_cpp.server`` with the weights kept in plain CPU buffers
(:func:`knowledge.llm.load_weights_unrepacked`): on a CPU with AMX the stock server crashes
on its first completion where the kernel grants no AMX tile state.
"""

from __future__ import annotations

from knowledge.llm import load_weights_unrepacked


def main() -> None:
    """Serve the model with llama_cpp.server's command line."""
    load_weights_unrepacked()
    from llama_cpp.server.__main__ import main as serve

    serve()  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    main()
