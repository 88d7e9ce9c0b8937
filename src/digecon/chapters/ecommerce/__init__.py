"""The ecommerce chapter: its analysis, tables and figures (its audit is ``.audit``)."""

from digecon.chapters.ecommerce.analysis import (
    CHANNELS,
    PRODUCTS,
    ecommerce_wide,
    efficiency_table,
    growth_summary,
    ict_output_wide,
    pooled_efficiency,
    segment_shares,
    share_mentions,
    share_targets,
    volume_mentions,
)
from digecon.chapters.ecommerce.figures import (
    plot_channels,
    plot_efficiency,
    plot_growth,
    plot_ict_output,
    plot_projection,
    plot_segments,
    plot_share_retail,
    plot_volumes,
)
from digecon.chapters.ecommerce.tables import (
    growth_table,
    projection_table,
    table16,
    table17,
    table18,
)

__all__ = [
    "CHANNELS",
    "PRODUCTS",
    "ecommerce_wide",
    "efficiency_table",
    "growth_summary",
    "growth_table",
    "ict_output_wide",
    "plot_channels",
    "plot_efficiency",
    "plot_growth",
    "plot_ict_output",
    "plot_projection",
    "plot_segments",
    "plot_share_retail",
    "plot_volumes",
    "pooled_efficiency",
    "projection_table",
    "segment_shares",
    "share_mentions",
    "share_targets",
    "table16",
    "table17",
    "table18",
    "volume_mentions",
]
