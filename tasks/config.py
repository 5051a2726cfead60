"""Configuration, read once at the edge (CLI / flow entry) and passed inward.

Environment variables (or a `.env` file in the working directory) override the defaults:
`WAREHOUSE_URL`, `WAREHOUSE_SCHEMA`, `RAW_ROOT`, `MAX_ARTICLE_BYTES`.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    raw_root: Path = Field(default=PROJECT_ROOT / "raw", alias="RAW_ROOT")
    warehouse_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'warehouse' / 'figures.db'}", alias="WAREHOUSE_URL"
    )
    warehouse_schema: str | None = Field(default=None, alias="WAREHOUSE_SCHEMA")
    # A news article is tens of kilobytes; anything this big is a mistake (a dump, a binary).
    max_article_bytes: int = Field(default=5_000_000, alias="MAX_ARTICLE_BYTES", gt=0)
    report_dir: Path = Field(default=PROJECT_ROOT / "warehouse" / "report", alias="REPORT_DIR")
    quality_dir: Path = Field(default=PROJECT_ROOT / "warehouse" / "quality", alias="QUALITY_DIR")

    @property
    def articles_dir(self) -> Path:
        return self.raw_root / "articles"

    @property
    def tables_dir(self) -> Path:
        return self.raw_root / "tables"
