"""One catalogue import row, validated by a pydantic model before anything is written.

Rows use the ESCI column names (``product_id``, ``product_title``, ...) or the short ones
(``id``, ``title``, ...). CSV cells arrive as text, so numbers, bullets and attributes are
read from strings too. A bad row raises ``ValueError`` with one plain sentence per problem
("price must not be negative, got -3"); the importer adds the file and line.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from knowledge.models import Product


def _alias(name: str, short: str) -> Any:
    return Field(validation_alias=AliasChoices(name, short))


class CatalogRow(BaseModel):
    """The fields of one product row; unknown columns are ignored."""

    model_config = ConfigDict(extra="ignore")

    product_id: str = _alias("product_id", "id")
    product_title: str = _alias("product_title", "title")
    product_description: str = Field(default="", validation_alias=AliasChoices(
        "product_description", "description"))
    product_bullet_point: list[str] = Field(default_factory=list, validation_alias=AliasChoices(
        "product_bullet_point", "bullets"))
    product_brand: str | None = Field(default=None, validation_alias=AliasChoices(
        "product_brand", "brand"))
    product_color: str | None = Field(default=None, validation_alias=AliasChoices(
        "product_color", "color"))
    category: list[str] | str | None = None
    price: float | None = None
    stock: int | None = None
    attributes: dict[str, Any] = Field(default_factory=dict)
    image: str | None = None
    merchant_id: str | None = None

    @field_validator("product_id", "product_title", "product_description", "product_brand",
                     "product_color", "image", "merchant_id", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else (
            value if value is None else str(value))

    @field_validator("product_id", "product_title")
    @classmethod
    def _required(cls, value: str, info: Any) -> str:
        if not value:
            raise ValueError(f"{info.field_name} is missing")
        return value

    @field_validator("product_bullet_point", mode="before")
    @classmethod
    def _bullets(cls, value: Any) -> list[str]:
        if value is None:
            return []
        if isinstance(value, list):
            return [str(v).strip() for v in value if str(v).strip()]
        return [line.strip() for line in str(value).splitlines() if line.strip()]

    @field_validator("price", "stock", mode="before")
    @classmethod
    def _number(cls, value: Any, info: Any) -> Any:
        if value is None or value == "":
            return None
        try:
            number = int(value) if info.field_name == "stock" else float(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{info.field_name} must be a number, got {value!r}") from exc
        if number < 0 or number != number:
            raise ValueError(f"{info.field_name} must not be negative, got {value!r}")
        return number

    @field_validator("attributes", mode="before")
    @classmethod
    def _attributes(cls, value: Any) -> Any:
        if value is None or value == "":
            return {}
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError as exc:
                raise ValueError(f"attributes is not valid JSON ({exc.msg})") from exc
        if not isinstance(value, dict):
            raise ValueError("attributes must be an object")
        return value

    def product(self) -> Product:
        """The row as a catalogue product (long texts cut to the stored limits)."""
        attributes, category = dict(self.attributes), self.category
        if isinstance(category, list):
            attributes.setdefault("category_path", [c.strip() for c in category])
            category = category[0] if category else None
        return Product(
            id=self.product_id, title=self.product_title[:500],
            description=self.product_description[:5000], bullets=self.product_bullet_point,
            brand=self.product_brand or None, color=self.product_color or None,
            category=(category or "").strip().lower().replace(" ", "_") or None,
            price=self.price, attributes=attributes, image=self.image or None,
            stock=1 if self.stock is None else self.stock, merchant_id=self.merchant_id or None)


def _sentence(error: Any) -> str:
    """One validation problem as a plain sentence naming the field."""
    field = ".".join(str(p) for p in error["loc"]) or "row"
    if error["type"] == "missing":
        return f"{field} is missing"
    if error["type"] == "value_error":
        return str(error["ctx"]["error"])
    return f"{field}: {error['msg'].lower()}"


def parse_product(row: dict[str, Any]) -> Product:
    """One import row (ESCI or short field names) as a Product; raises ValueError."""
    try:
        return CatalogRow.model_validate(row).product()
    except ValidationError as exc:
        raise ValueError("; ".join(_sentence(e) for e in exc.errors())) from exc
