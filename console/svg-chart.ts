// Charts drawn on the server as SVG: no chart library in the browser and nothing fetched from outside.
import { type Html, html } from "./html.ts";

export interface Bar {
  label: string;
  values: number[];
}

const palette = ["#b3261e", "#1b7f3b", "#2f5fa7", "#a65b00"];

/** Horizontal bars, one row per label, one bar per series; a legend when there are several series. */
export function barChart(title: string, series: string[], bars: readonly Bar[]): Html {
  const labelWidth = 150;
  const width = 720;
  const barHeight = 14;
  const rowHeight = series.length * barHeight + 8;
  const max = Math.max(1, ...bars.flatMap((bar) => bar.values));
  const scale = (width - labelWidth - 60) / max;
  const legendHeight = series.length > 1 ? 20 : 0;
  const height = legendHeight + bars.length * rowHeight + 4;
  return html`<figure class="chart"><figcaption>${title}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}">
${
  series.length > 1
    ? series.map(
        (name, index) =>
          html`<rect x="${labelWidth + index * 140}" y="4" width="10" height="10" fill="${palette[index % palette.length]}"></rect><text x="${labelWidth + index * 140 + 14}" y="13">${name}</text>`,
      )
    : ""
}
${bars.map((bar, row) => {
  const top = legendHeight + row * rowHeight;
  return html`<text x="${labelWidth - 6}" y="${top + rowHeight / 2 + 4}" text-anchor="end">${bar.label}</text>
${bar.values.map((value, index) => {
  const y = top + 4 + index * barHeight;
  const length = Math.max(value > 0 ? 2 : 0, value * scale);
  return html`<rect x="${labelWidth}" y="${y}" width="${length.toFixed(1)}" height="${barHeight - 2}" fill="${palette[index % palette.length]}"></rect><text x="${(labelWidth + length + 4).toFixed(1)}" y="${y + barHeight - 4}">${value}</text>`;
})}`;
})}
</svg></figure>`;
}

/** Vertical columns over time (one per day). */
export function columnChart(title: string, points: readonly { label: string; value: number }[]): Html {
  const width = 720;
  const height = 180;
  const bottom = 24;
  const max = Math.max(1, ...points.map((point) => point.value));
  const step = (width - 40) / Math.max(1, points.length);
  const every = Math.ceil(points.length / 10);
  return html`<figure class="chart"><figcaption>${title}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}">
${points.map((point, index) => {
  const columnHeight = (point.value / max) * (height - bottom - 20);
  const x = 30 + index * step;
  return html`<rect x="${x.toFixed(1)}" y="${(height - bottom - columnHeight).toFixed(1)}" width="${Math.max(1, step - 2).toFixed(1)}" height="${columnHeight.toFixed(1)}" fill="${palette[2]}"><title>${point.label}: ${point.value}</title></rect>
${index % every === 0 ? html`<text x="${x.toFixed(1)}" y="${height - 8}">${point.label.slice(5)}</text>` : ""}`;
})}
<text x="2" y="14">${max}</text>
</svg></figure>`;
}
