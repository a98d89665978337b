
import openai
import pytest

from knowledge.store import Store

pytestmark = pytest.mark.llm


def test_official_openai_client_talks_to_the_shopper(loaded: Store, live_server_for) -> None:
    with live_server_for(loaded) as srv:
        client = openai.OpenAI(base_url=srv.url + "/v1", api_key="unused", max_retries=0)
        assert [m.id for m in client.models.list()] == ["shopmage-shopper"]
        reply = client.chat.completions.create(
            model="shopmage-shopper", user="oa-1",
            messages=[{"role": "user", "content": "a non-stick frying pan"}])
        products = reply.model_extra["shopmage"]["products"]
        assert products and products[0]["id"] == "K1"
        assert "K1" in reply.choices[0].message.content  # every card is named in the text
        stream = client.chat.completions.create(
            model="shopmage-shopper", user="oa-1", stream=True,
            messages=[{"role": "user", "content": "waterproof hiking boots"}])
        chunks = list(stream)
        text = "".join(c.choices[0].delta.content or "" for c in chunks)
        assert len(chunks) > 3 and "S3" in text
        assert chunks[-1].choices[0].finish_reason == "stop"
        with pytest.raises(openai.BadRequestError):
            client.chat.completions.create(model="shopmage-shopper",
                                           messages=[{"role": "user", "content": "  "}])
