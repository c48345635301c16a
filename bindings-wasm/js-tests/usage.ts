// How the package is used from TypeScript; checked by `tsc --strict
// --noEmit` (scripts/test-wasm), never run.
import init, { compute, decode, householdsCsv, readTables, teamsCsv, version } from "ecodefi";
import type {
  ChallengeData, EcodefiError, HouseholdResult, Meter, Reading, Report, Saving, TableFile, WasteIndicators,
} from "ecodefi";

export async function results(files: TableFile[], settings: string): Promise<string[]> {
  await init();
  const lines: string[] = [`ecodefi ${version()}`];
  try {
    const data: ChallengeData = readTables(files, settings);
    // The details in French, from core's catalogue; codes and params alike in every language.
    const report: Report = compute(data, { lang: "fr" });
    const energy = report.energy;
    if (energy) {
      lines.push(energy.headline);
      for (const team of energy.teams) {
        // Decimals are strings; a change is null when nothing is counted.
        const change: string | null = team.totals.change;
        lines.push(`${team.rank}. ${team.name} ${change ?? "—"}`);
      }
      for (const h of energy.households) {
        // One shape for every theme: the status tells whether there are figures.
        if (h.status === "excluded") {
          lines.push(`${h.household}: ${h.exclusions.map((e) => `${e.code} ${e.detail} ${JSON.stringify(e.params ?? {})}`).join(", ")}`);
        }
        else lines.push(`${h.household}: ${h.figures.change} (${h.figures.persons} persons)`);
      }
    }
    lines.push(...wasteLines(report));
    lines.push(householdsCsv(report), teamsCsv(JSON.stringify(report)));
  } catch (e) {
    const err = e as EcodefiError;
    const where: (string | number | undefined)[] = [err.file, err.line, err.column, err.household, err.meter];
    lines.push(`${err.name} ${err.code} ${where.join(" ")}: ${err.message}`);
    // The same error in every language of core's catalogue, and its values as data.
    const french: string = err.messages.fr;
    const got: string | number | undefined = err.params["got"];
    lines.push(french, String(got));
  }
  return lines;
}

// Every theme's households: a `HouseholdResult` of the theme's figures.
export function wasteLines(report: Report): string[] {
  const waste = report.waste;
  if (!waste) return [];
  const lines: string[] = [waste.headline, `residual ${waste.totals.residual.change ?? "—"}`];
  for (const h of waste.households) {
    const result: HouseholdResult<WasteIndicators> = h;
    // Figures are null until narrowed by the status.
    // @ts-expect-error figures may be null
    void result.figures.total;
    if (result.status === "computed") {
      const residual: string | undefined = result.figures.residual?.change;
      lines.push(`${h.household} ${result.figures.total.avoided_kg} kg, residual ${residual ?? "—"}`);
    }
  }
  const water = report.water?.households.map((h) => h.figures?.reference_per_person_day ?? h.status) ?? [];
  const modes = report.mobility?.totals.challenge?.modes.map((m) => `${m.mode} ${m.km}`) ?? [];
  const goals = report.food?.teams.map((t) => `${t.name} ${t.totals.households_meeting_goal}`) ?? [];
  return [...lines, ...water, ...modes, ...goals];
}

export function energyFigures(h: HouseholdResult<Saving>): string | null {
  return h.figures === null ? null : h.figures.saved_per_person;
}

// Files are read as bytes; core decodes them as spreadsheets write them.
export const text: string = decode(new Uint8Array([0xe9, 0x71, 0x75, 0x69, 0x70, 0x65]));

// A document may also be given as its JSON text.
export const fromText: (json: string) => Report = compute;

// @ts-expect-error decimals are strings, never numbers
export const wrong: Reading = { date: "2025-12-01", value: 12.5 };
// @ts-expect-error one spelling per enum: core's
export const wrongUsage: Meter = { id: "gaz", carrier: "natural_gas", unit: "m3", usage: "mixte" };

// The small module for spreadsheets: its own entry point, the same types.
import initSheets, { computeSheets, decode as decodeSheet } from "ecodefi/sheets";
import type { SheetsResult } from "ecodefi/sheets";

export async function sheetResults(files: { name: string; bytes: Uint8Array }[]): Promise<string> {
  await initSheets();
  const result: SheetsResult = computeSheets(files.map((f) => ({ name: f.name, text: decodeSheet(f.bytes) })));
  const headline: string | undefined = result.report.energy?.headline;
  // @ts-expect-error: the small module has no `compute` of JSON documents
  void (await import("ecodefi/sheets")).compute;
  // Energy's CSV are null when the challenge has no energy theme.
  // @ts-expect-error: may be null
  const households: string = result.householdsCsv;
  void households;
  return `${headline ?? ""}\n${result.householdsCsv ?? ""}\n${result.teamsCsv ?? ""}`;
}

// Every theme from spreadsheet files: `ecodefi/sheets-themes`, the same
// functions and types; each section of the report read alike.
import initThemes, { computeSheets as computeThemes } from "ecodefi/sheets-themes";
import type { SheetsSection, Theme } from "ecodefi/sheets-themes";

export async function themeResults(files: TableFile[]): Promise<string[]> {
  await initThemes();
  const { report, sections } = computeThemes(files);
  const lines: string[] = [`${report.households} foyers`];
  for (const section of sections) {
    const s: SheetsSection = section;
    const theme: Theme = s.theme;
    lines.push(`${theme}: ${s.headline}`, s.teamsCsv, s.householdsCsv);
  }
  // @ts-expect-error: one spelling per theme, core's
  const wrongTheme: SheetsSection = { theme: "déchets", headline: "", teamsCsv: "", householdsCsv: "" };
  void wrongTheme;
  // @ts-expect-error: no regression baselines there
  void (await import("ecodefi/sheets-themes")).regressionFit;
  return lines;
}

// A baseline measured on its window, and savings with their warnings.
import { regressionFit, regressionSavings } from "ecodefi";
import type { Baseline, Savings, SavingsWarningCode, UsageData } from "ecodefi";

export function yearSavings(baseline: UsageData, reporting: UsageData): string {
  const b: Baseline = regressionFit(baseline, { reporting_start: "2026-01-01" });
  const missing: number = b.sufficiency.missing_days;
  if (!b.model) return `no model (${b.no_model_reason ?? "?"}), ${missing} days missing`;
  const s: Savings = regressionSavings(b.model, reporting, 0.9, undefined);
  const codes: SavingsWarningCode[] = (s.warnings ?? []).map((w) => w.code);
  const strict: Savings = regressionSavings(b.model, reporting, 0.9, { max_extrapolated_share: 0.05 });
  return `${s.savings} ${codes.join(",")} ${strict.extrapolated_share}`;
}

// The files read directly, in `ecodefi/sheets-themes`.
import initFiles, { computeFiles, fileKind, readMeterFile, readWeatherFile, tableOf, weatherTemperatures, WeatherFile } from "ecodefi/sheets-themes";
import type { ByteFile, FilesResult, MeterContent, WeatherStation } from "ecodefi/sheets-themes";

export async function fromFiles(files: ByteFile[]): Promise<string[]> {
  await initFiles();
  const lines: string[] = [];
  for (const f of files) {
    const table: string | undefined = tableOf(f.name);
    const kind = fileKind(f.name, f.bytes);
    if (kind.kind === "table") lines.push(`${f.name}: ${kind.table} ${table ?? ""}`);
    else if (kind.kind === "weather") {
      const stations: WeatherStation[] = readWeatherFile(f.bytes, f.name).stations;
      const first = stations[0];
      if (first) {
        const t = weatherTemperatures(f.bytes, f.name, first.number, { first: first.first, interpolateMaxDays: 2 });
        lines.push(`${first.name}: ${t.temperatures.length} days, ${t.filled.map((d) => (d.how.method === "station" ? d.how.number : "interpolated")).join(" ")}`);
      }
    } else {
      const meter = readMeterFile(f.bytes, f.name);
      const content: MeterContent = meter.content;
      const step: number | null = content.kind === "load_curve" ? content.step_minutes : null;
      lines.push(`${meter.identifier ?? "?"} ${meter.days.map((d) => d.kwh).join(" ")} ${step ?? ""}`);
    }
  }
  const result: FilesResult = computeFiles(files, { station: "62990101" });
  // A Météo-France file read once, asked station after station.
  const weather = files.find((f) => fileKind(f.name, f.bytes).kind === "weather");
  if (weather) {
    const kept = new WeatherFile(weather.bytes, weather.name);
    for (const s of kept.summary().stations) lines.push(`${s.number} ${kept.temperatures(s.number, { interpolateMaxDays: 3 }).filled.length}`);
    kept.free();
  }
  lines.push(result.report.energy?.headline ?? "", result.imported.weather?.station.name ?? "");
  for (const m of result.imported.meters) lines.push(`${m.file} ${m.household} ${m.meter} ${m.created} ${m.first ?? ""}`);
  return lines;
}
