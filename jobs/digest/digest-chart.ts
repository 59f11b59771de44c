// The week's chart: requests and introductions by service team, drawn in the process with Chart.js on
// @napi-rs/canvas (Skia) — no browser, nothing downloaded. Horizontal bars keep team names readable on
// a phone screen.
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title } from "chart.js";
import { chartFontFamily, registerCjkFont } from "./cjk-font.ts";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title);

export interface ChartSeries {
  title: string;
  labels: string[];
  requestsLabel: string;
  requests: number[];
  introductionsLabel: string;
  introductions: number[];
}

const width = 540;
const scale = 2;

/** Renders the chart as PNG bytes. */
export async function renderWeekChart(series: ChartSeries): Promise<Buffer> {
  registerCjkFont();
  const height = 110 + 34 * Math.max(series.labels.length, 2);
  // Chart.js sizes the bitmap itself: logical size here, devicePixelRatio below.
  const canvas = createCanvas(width, height);
  const whiteBackground = {
    id: "white-background",
    beforeDraw: (chart: Chart) => {
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
  const chart = new Chart(
    // Chart.js takes any object with getContext('2d'); its types only know the DOM canvas.
    canvas as unknown as HTMLCanvasElement,
    {
      type: "bar",
      data: {
        labels: series.labels,
        datasets: [
          { label: series.requestsLabel, data: series.requests, backgroundColor: "#2f6fdf" },
          { label: series.introductionsLabel, data: series.introductions, backgroundColor: "#1fa67a" },
        ],
      },
      options: {
        indexAxis: "y",
        responsive: false,
        animation: false,
        devicePixelRatio: scale,
        layout: { padding: { left: 8, right: 16, top: 4, bottom: 4 } },
        font: { family: chartFontFamily, size: 13 },
        scales: {
          x: { beginAtZero: true, grace: "8%", ticks: { precision: 0, font: { family: chartFontFamily } } },
          y: { ticks: { font: { family: chartFontFamily, size: 13 } } },
        },
        plugins: {
          title: { display: true, text: series.title, font: { family: chartFontFamily, size: 15, weight: "bold" } },
          legend: { position: "bottom", labels: { font: { family: chartFontFamily, size: 13 } } },
        },
      },
      plugins: [whiteBackground],
    },
  );
  try {
    return await canvas.encode("png");
  } finally {
    chart.destroy();
  }
}

/** Writes the PNG atomically, so a deliver job never reads half a file written by another worker. */
export async function writeChartFile(file: string, png: Buffer): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, file);
  return file;
}
