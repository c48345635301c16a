// ---- Types of the documents core reads and writes -------------------------
// They mirror core's serde structs (core/src/…), with core's spellings.
// Decimals are strings ("12.5"), never numbers, so that no digit is lost;
// dates are ISO strings ("2025-12-01"). scripts/test-wasm checks them with
// `tsc --strict` against the documents core reads and the reports it
// computes from them: the samples of every theme and every case of the
// theme vectors (js-tests/write-type-checks.mjs). A field added, renamed or
// retyped in core fails the check until it is changed here too. Optional
// fields (`?`) are the ones core leaves out when empty; `| null` the ones it
// writes as null.

/** An exact decimal number, as text: `"12.5"`, `"-0.113"`. */
export type DecimalString = string;
/** A calendar day, ISO 8601: `"2025-12-01"`. */
export type DateString = string;

/** core `challenge::Theme`. */
export type Theme = "energy" | "water" | "waste" | "food" | "mobility";
/** core `challenge::OrganiserKind`. */
export type OrganiserKind = "local_authority" | "association" | "company" | "citizen_group";
/** core `meter::Carrier`. */
export type Carrier =
  | "electricity" | "natural_gas" | "fuel_oil" | "propane" | "butane"
  | "logs" | "pellets" | "district_heating";
/** core `meter::Unit`. */
export type Unit = "kwh" | "m3" | "l" | "kg" | "t" | "stere";
/** core `meter::Basis`. */
export type Basis = "pci" | "pcs";
/** core `meter::Usage`. */
export type Usage = "heating_only" | "mixed" | "no_heating";
/** core `weather::Method`. */
export type DegreeDayMethod = "meteo_france" | "costic";
/** core `weather::Kind`. */
export type DegreeDayKind = "heating" | "cooling";
/** core `climate::Correction`. */
export type Correction = "eea" | "sdes" | "contract" | "none";
/** core `exclusion::ExclusionCode`. */
export type ExclusionCode =
  | "no_meter" | "no_data" | "too_few_readings" | "duplicate_reading"
  | "overlapping_bills" | "decreasing_index" | "period_not_covered"
  | "zero_reference" | "negative_consumption" | "not_present";
/** core `exclusion::WarningCode`. */
export type WarningCode =
  | "long_gap" | "extrapolated" | "prorated_by_days" | "deliveries_without_stock"
  | "outlier" | "missing_co2e_factor" | "missing_price" | "heating_share_estimated"
  | "regression_unusable" | "outside_periods";

/** core `Period`: whole days, both included. */
export interface Period { first: DateString; last: DateString }

/** core `Team`. */
export interface Team { id: string; name: string; captain?: string }

/** core `Challenge`. */
export interface Challenge {
  name: string;
  territory: string;
  organiser_kind: OrganiserKind;
  themes: Theme[];
  reference_period: Period;
  challenge_period: Period;
  /** A fraction, e.g. `"0.08"`; core's default when absent. */
  objective?: DecimalString;
  teams: Team[];
  /** The Météo-France station (number or name) whose temperatures the challenge uses, when read from a Météo-France file; settings-table key `station_meteo`. */
  weather_station?: string;
}

/** core `Occupants`: adults and the age of each child. */
export interface Occupants { adults: number; children?: number[] }
/** core `PresenceChange`. */
export interface PresenceChange { from: DateString; occupants: Occupants }

/** core `meter::Conversion`. */
export interface Conversion { kwh_per_unit: DecimalString; basis: Basis }
/** core `meter::Reading`: the index at the start of `date`. */
export interface Reading { date: DateString; value: DecimalString }
/** core `meter::MeterEvent`. */
export type MeterEvent =
  | { kind: "replacement"; date: DateString; old_final: DecimalString; new_initial: DecimalString }
  | { kind: "rollover"; date: DateString; modulus: DecimalString };
/** core `meter::Bill`. */
export interface Bill { period: Period; quantity: DecimalString }
/** core `meter::Delivery`. */
export interface Delivery { date: DateString; quantity: DecimalString }
/** core `meter::StockEstimate`. */
export interface StockEstimate { date: DateString; quantity: DecimalString }

/** core `Meter`. */
export interface Meter {
  id: string;
  carrier: Carrier;
  unit: Unit;
  usage: Usage;
  conversion?: Conversion;
  heating_share?: DecimalString;
  readings?: Reading[];
  events?: MeterEvent[];
  bills?: Bill[];
  deliveries?: Delivery[];
  stock?: StockEstimate[];
}

/** core `Household`. */
export interface Household {
  id: string;
  team: string;
  occupants: Occupants;
  presence?: PresenceChange[];
  surface_m2?: DecimalString;
  meters?: Meter[];
  /** Water theme. */
  water_meters?: WaterMeter[];
  /** Waste theme. */
  weighings?: Weighing[];
  /** Food theme. */
  food_purchases?: Purchase[];
  /** Mobility theme. */
  trips?: Trip[];
}

// ---- The other themes' inputs (core `water`, `waste`, `food`, `mobility`) ----

/** core `water::WaterUnit`. */
export type WaterUnit = "m3" | "l";
/** core `water::WaterMeter`: readings or bills, not both. */
export interface WaterMeter {
  id: string;
  unit: WaterUnit;
  readings?: Reading[];
  events?: MeterEvent[];
  bills?: Bill[];
}
/** core `waste::Stream`. */
export type Stream =
  | "residual" | "packaging" | "glass" | "biowaste" | "garden" | "textiles"
  | "bulky" | "electronic" | "hazardous" | "other";
/** core `waste::Weighing`. */
export interface Weighing { date: DateString; stream: Stream; kg: DecimalString }
/** core `food::Channel`. */
export type Channel = "supermarket" | "market" | "producer" | "shop" | "online" | "other";
/** core `food::Purchase`: counted in the survey containing its date. */
export interface Purchase {
  date: DateString;
  /** Euros. */
  amount: DecimalString;
  organic: boolean;
  local: boolean;
  channel: Channel;
  meals: number;
  persons: number;
}
/** core `mobility::Mode`. */
export type Mode =
  | "car_alone" | "carpool" | "motorbike" | "bus" | "tram" | "metro" | "coach"
  | "regional_train" | "intercity_train" | "high_speed_train" | "bike" | "e_bike"
  | "walking" | "plane" | "other";
/** core `mobility::Trip`: person-km; `trips` (default 1) is the number of trips the line stands for. */
export interface Trip { date: DateString; mode: Mode; km: DecimalString; trips?: number }

/** core `weather::DailyTemperature` (°C). */
export interface DailyTemperature { date: DateString; tn: DecimalString; tx: DecimalString }

/** A language of core's message catalogue (core `message::Lang`). */
export type Lang = "en" | "fr";
/** The values a message quotes, as data (core `message::Params`): whole numbers as numbers; decimals, dates (ISO 8601) and text as strings. */
export type MessageParams = { [name: string]: number | string };
/** core `exclusion::Exclusion`: why a household has no result; `detail` in the language asked for, `params` the values it quotes. */
export interface Exclusion { code: ExclusionCode; meter?: string; index?: number; detail: string; params?: MessageParams }
/** core `exclusion::Warning`: what deserves a look in a result. */
export interface Warning { code: WarningCode; meter?: string; detail: string; params?: MessageParams }

/** core `weather::Temperatures`: consecutive days, in order. */
export type Temperatures = DailyTemperature[];
/** core `weather::DegreeDayOptions`. */
export interface DegreeDayOptions { method?: DegreeDayMethod; base?: DecimalString; kind?: DegreeDayKind }

/** core `energy::factors::Factor`: a value per unit of a carrier. */
export interface Factor { carrier: Carrier; value: DecimalString; unit: Unit; basis?: Basis }
/** core `energy::factors::FactorTable`. */
export interface FactorTable { year: number; source: string; factors: Factor[] }
/** core `energy::factors::ImpactFactors`. */
export interface ImpactFactors { co2e: FactorTable; price: FactorTable }
/** core `energy::EnergyOptions`: every field has core's documented default. */
export interface EnergyOptions {
  basis?: Basis;
  degree_days?: DegreeDayOptions;
  correction?: Correction;
  mixed_heating_share?: DecimalString;
  estimate_share_from_summer?: boolean;
  min_summer_days?: number;
  max_extrapolation_days?: number;
  max_gap_days?: number;
  factors?: ImpactFactors;
  /** A weather-regression baseline (CalTRACK 2.0) for the meters whose data allow it (default false). */
  regression_baseline?: boolean;
}
/** core `water::WaterReference`: the litres per person per day households are compared with. */
export interface WaterReference { litres_per_person_day: DecimalString; year: number; source: string }
/** core `water::WaterOptions`: every field has core's documented default. */
export interface WaterOptions {
  reference_period?: Period;
  challenge_period?: Period;
  /** Default: 148 L per person per day (Cieau, from SOeS data, 2008). */
  reference_value?: WaterReference;
  max_extrapolation_days?: number;
  max_gap_days?: number;
}
/** core `waste::WasteOptions`. */
export interface WasteOptions { reference_period?: Period; challenge_periods?: Period[] }
/** core `food::Survey`: a survey of purchases at one stage of the challenge. */
export interface Survey { name: string; period: Period }
/** core `food::FoodOptions`. */
export interface FoodOptions {
  /** Default: `start` over the reference period, `end` over the challenge period. */
  surveys?: Survey[];
  /** A fraction; default `"0.05"`. */
  budget_tolerance?: DecimalString;
}
/** core `mobility::ModeFactor`: kgCO2e per person-km. */
export interface ModeFactor { mode: Mode; kg_co2e_per_km: DecimalString }
/** core `mobility::ModeFactors`. */
export interface ModeFactors { year: number; source: string; factors: ModeFactor[] }
/** core `mobility::MobilityOptions`. */
export interface MobilityOptions {
  reference_period?: Period;
  challenge_period?: Period;
  /** Default: ADEME Impact CO2, 2023. */
  factors?: ModeFactors;
}
/** core `references::ReferenceUnit`. */
export type ReferenceUnit = 'litres_per_person_day' | 'kg_per_person_year' | 'kwh_per_household_year';
/** core `references::NationalFigure`: a sourced national figure. */
export interface NationalFigure {
  value: DecimalString;
  unit: ReferenceUnit;
  /** The year the figure is for. */
  year: number;
  /** Its publisher, short (e.g. `OFB, SISPEA`). */
  source: string;
  /** The document it comes from (absent when none was given). */
  title?: string;
}
/** core `references::NationalReferences`: every field has core's sourced default. */
export interface NationalReferences {
  edition?: string;
  /** Default: 148 L per person and day (OFB, SISPEA, 2020). */
  water?: NationalFigure;
  /** Default: 245 kg of residual household waste (OMR) per inhabitant (Insee, ADEME, 2021). */
  residual_waste?: NationalFigure;
  /** Default: 615 kg of household and similar waste (DMA) per inhabitant (Insee, ADEME, 2021). */
  household_waste?: NationalFigure;
  /** Default: 17 503.15 kWh per household and year (1.505 tep; CGDD, SOeS, Phébus, 2012). */
  energy?: NationalFigure;
}
/** core `references::NationalComparison`: the challenge beside a national figure. */
export interface NationalComparison {
  reference: NationalFigure;
  /** The challenge's figure in the same unit (absent when no household has one). */
  challenge?: DecimalString;
  /** challenge ÷ national − 1. */
  versus?: DecimalString;
}
/** core `references::WasteComparison`: residual waste beside OMR, all streams beside DMA. */
export interface WasteComparison { residual: NationalComparison; total: NationalComparison }
/** core `data::Options`. */
export interface Options {
  energy?: EnergyOptions;
  water?: WaterOptions;
  waste?: WasteOptions;
  food?: FoodOptions;
  mobility?: MobilityOptions;
  /** The national figures the reports set the challenge beside. */
  references?: NationalReferences;
}

/** core `ChallengeData`: the one input document (`schema_version` 1). */
export interface ChallengeData {
  schema_version: number;
  challenge: Challenge;
  households: Household[];
  temperatures?: Temperatures;
  options?: Options;
}

/**
 * A challenge's settings for `readTables`: a `ChallengeData` document
 * without `households` and `temperatures` (they come from the tables), and
 * with `challenge.teams` only when there is no teams table.
 */
export interface ChallengeSettings {
  schema_version: number;
  challenge: Omit<Challenge, "teams"> & { teams?: Team[] };
  options?: Options;
}

/**
 * One CSV file: its name tells core which table it holds (`foyers.csv` or
 * `households.csv`, `compteurs.csv`, `releves.csv`, `equipes.csv`,
 * `evenements.csv`, `factures.csv`, `livraisons.csv`, `stocks.csv`,
 * `presences.csv`, `temperatures.csv`, and for `computeSheets` the
 * settings table `defi.csv` or `settings.csv`; case and accents ignored),
 * and errors cite it.
 */
export interface TableFile { name: string; text: string }

/** One section of a report as `computeSheets` gives it (core
 * `Report::sections`, in its order: energy, water, waste, food, mobility):
 * its theme, its headline, and its teams (rank order) and households
 * (input order) as CSV (`;`, decimal comma; core `table::write::section_teams`
 * and `section_households`, the same columns in every theme). */
export interface SheetsSection {
  theme: Theme;
  headline: string;
  teamsCsv: string;
  householdsCsv: string;
}

/** What `computeSheets` returns: the report; the energy section's
 * households and teams as CSV (`;`, decimal comma), as `householdsCsv` and
 * `teamsCsv` write them, `null` when the challenge has no energy theme; and
 * one entry per section of the report, every theme alike. */
export interface SheetsResult {
  report: Report;
  householdsCsv: string | null;
  teamsCsv: string | null;
  sections: SheetsSection[];
  /** The as-of day to show by default: the last day of data while the
   * challenge runs (no household's data reach the end of its period yet),
   * else `null` (core `provisional::default_as_of`). */
  asOfDefault: DateString | null;
}

/** The options of `compute` and `computeSheets`. */
export interface ComputeOptions {
  /** Provisional results as of this day of the challenge period (ISO
   * date), or `"last_data"`: the last day covered by every household with
   * data in the period (core `provisional::AsOf`); absent or `null`: final
   * results. */
  asOf?: DateString | "last_data" | null;
  /** The language of the exclusions' and warnings' details, of the CSV files and of a thrown error's `message`; default `"en"` (`computeFiles` takes it among its own options). */
  lang?: Lang | null;
}

/** core `provisional::Provisional`: what makes a report provisional. */
export interface Provisional {
  /** The last day counted (included). */
  as_of: DateString;
  /** Whether `as_of` was chosen as the last day of data (`"last_data"`). */
  last_data: boolean;
  /** Days of the challenge period up to `as_of`. */
  elapsed_days: number;
  /** Days of the whole challenge period. */
  total_days: number;
  /** The whole challenge period (the report's `challenge` has the elapsed part). */
  challenge_period: Period;
}

/** core `aggregate::ExclusionCount`. */
export interface ExclusionCount { code: ExclusionCode; households: number }
/**
 * core `aggregate::Totals`: a group's statistics in its theme's unit (energy:
 * kWh on the report's basis; water: litres; waste: kg; mobility: kgCO2e or
 * person-km).
 */
export interface Totals {
  households: number;
  excluded: number;
  exclusions: ExclusionCount[];
  reference: DecimalString;
  actual: DecimalString;
  saved: DecimalString;
  /** Σactual / Σreference − 1 (negative: a saving); null when nothing is counted. */
  change: DecimalString | null;
  mean_change: DecimalString | null;
  median_change: DecimalString | null;
}
/** core `energy::reference::ShareSource`. */
export type ShareSource = "given" | "usage" | "summer" | "default" | "contract";
/** core `energy::reference::ReferenceMethod`. */
export type ReferenceMethod = "reconstructed_winter" | "weather_regression";
/** core `energy::MeterResult`. */
export interface MeterResult {
  meter: string;
  carrier: Carrier;
  unit: Unit;
  kwh_per_unit: DecimalString;
  heating_share: DecimalString;
  heating_share_source: ShareSource;
  reference_quantity: DecimalString;
  challenge_quantity: DecimalString;
  reference_degree_days: DecimalString;
  challenge_degree_days: DecimalString;
  reference: DecimalString;
  reference_corrected: DecimalString;
  challenge: DecimalString;
  /** Absent for the reconstructed winter. */
  reference_method?: ReferenceMethod;
}
/** core `energy::Saving`: an energy household's figures. */
export interface Saving {
  /** Mean persons over the challenge period. */
  persons: DecimalString;
  /** Mean INSEE consumption units over the challenge period. */
  consumption_units: DecimalString;
  reference: DecimalString;
  reference_corrected: DecimalString;
  challenge: DecimalString;
  saved: DecimalString;
  /** challenge / reference_corrected − 1: `"-0.113"` is 11.3 % less. */
  change: DecimalString;
  saved_per_person: DecimalString;
  saved_per_unit: DecimalString;
  co2e_saved: DecimalString;
  euros_saved: DecimalString;
  objective_reached: boolean;
  meters: MeterResult[];
}
/** core `outcome::Status`. */
export type Status = "computed" | "excluded";
/** What every household result has, whatever its status. */
interface HouseholdResultBase {
  household: string;
  team: string;
  /** Why it was left out: every reason found (empty when computed). */
  exclusions: Exclusion[];
  /** What deserves a look, computed or not. */
  warnings: Warning[];
}
/**
 * core `outcome::HouseholdResult<F>`: one household's result in one theme,
 * the one shape of every theme (`F` is the theme's figures). Exactly one of
 * `figures` and `exclusions` is filled: a `"computed"` result has its
 * figures and no exclusion, an `"excluded"` one `figures: null` and every
 * reason found (at least one). Test `status` to narrow `figures`.
 */
export type HouseholdResult<F> =
  | (HouseholdResultBase & { status: "computed"; figures: F })
  | (HouseholdResultBase & { status: "excluded"; figures: null });
/** core `energy::HouseholdResult`. */
export type EnergyHouseholdResult = HouseholdResult<Saving>;
/** core `energy::TeamResult`. */
export interface TeamResult {
  team: string;
  name: string;
  /** 1 for the largest reduction. */
  rank: number;
  totals: Totals;
  co2e_saved: DecimalString;
  euros_saved: DecimalString;
  objective_reached: boolean;
}
/** core `energy::EnergyTotals`. */
export interface EnergyTotals {
  totals: Totals;
  co2e_saved: DecimalString;
  euros_saved: DecimalString;
  objective: DecimalString;
  objective_reached: boolean;
  households_reaching_objective: number;
}
/** core `energy::EnergyReport`. */
export interface EnergyReport {
  basis: Basis;
  correction: Correction;
  /** The options in force, every field given. */
  degree_days: Required<DegreeDayOptions>;
  reference_degree_days: DecimalString | null;
  challenge_degree_days: DecimalString | null;
  /** Every household of the input, in input order. */
  households: EnergyHouseholdResult[];
  /** Best first. */
  teams: TeamResult[];
  totals: EnergyTotals;
  /** In the published French style. */
  headline: string;
  /** The challenge beside the national figure (set by `compute`). */
  national?: NationalComparison;
}

// ---- Water (core `water`) ----
// In a theme's group totals, `reference` is what the counted households
// would have used (or produced, travelled) over the challenge at their
// reference rate and `actual` what they did: `change` is the change of the
// rate per person, weighted by household size and presence.

/** core `water::WaterIndicators`: a household's water figures (litres). */
export interface WaterIndicators {
  reference_litres: DecimalString;
  challenge_litres: DecimalString;
  reference_person_days: DecimalString;
  challenge_person_days: DecimalString;
  reference_per_person_day: DecimalString;
  challenge_per_person_day: DecimalString;
  reference_per_unit_day: DecimalString;
  challenge_per_unit_day: DecimalString;
  /** What the challenge presence would have used at the reference rate. */
  expected_litres: DecimalString;
  /** expected − challenge. */
  saved_litres: DecimalString;
  /** Change of litres per person per day. */
  change?: DecimalString;
  /** Challenge litres per person per day ÷ the reference value − 1. */
  versus_reference_value?: DecimalString;
}
/** core `water::WaterTotals`. */
export interface WaterTotals {
  totals: Totals;
  reference_per_person_day?: DecimalString;
  challenge_per_person_day?: DecimalString;
  versus_reference_value?: DecimalString;
}
/** core `water::WaterTeam`. */
export interface WaterTeam { team: string; name: string; rank: number; totals: WaterTotals }
/** core `water::WaterReport`. */
export interface WaterReport {
  reference_period: Period;
  challenge_period: Period;
  reference_value: WaterReference;
  /** Every household of the input, in input order. */
  households: HouseholdResult<WaterIndicators>[];
  /** In the challenge's order, with their rank. */
  teams: WaterTeam[];
  totals: WaterTotals;
  headline: string;
  /** The challenge beside the national figure (set by `compute`). */
  national?: NationalComparison;
}

// ---- Waste (core `waste`) ----

/** core `waste::Flow`: one stream's (or all streams') kg. */
export interface Flow {
  reference_kg: DecimalString;
  challenge_kg: DecimalString;
  reference_per_person_week: DecimalString;
  challenge_per_person_week: DecimalString;
  reference_per_person_year: DecimalString;
  challenge_per_person_year: DecimalString;
  reference_per_unit_year: DecimalString;
  challenge_per_unit_year: DecimalString;
  expected_kg: DecimalString;
  /** expected − challenge (negative when more was thrown). */
  avoided_kg: DecimalString;
  /** Absent when nothing was weighed in the reference. */
  change?: DecimalString;
}
/** core `waste::StreamFlow`. */
export interface StreamFlow { stream: Stream; flow: Flow }
/** core `waste::WasteIndicators`: a household's waste figures. */
export interface WasteIndicators {
  reference_person_days: DecimalString;
  challenge_person_days: DecimalString;
  /** Absent when no residual waste was weighed in either period. */
  residual?: Flow;
  total: Flow;
  /** Each stream weighed, in the order of `Stream`. */
  streams: StreamFlow[];
}
/** core `waste::StreamTotals`. */
export interface StreamTotals { stream: Stream; totals: Totals }
/** core `waste::WasteTotals`. */
export interface WasteTotals { residual: Totals; total: Totals; streams: StreamTotals[] }
/** core `waste::WasteTeam`: ranked by residual waste. */
export interface WasteTeam { team: string; name: string; rank: number; totals: WasteTotals }
/** core `waste::WasteReport`. */
export interface WasteReport {
  reference_period: Period;
  challenge_periods: Period[];
  households: HouseholdResult<WasteIndicators>[];
  teams: WasteTeam[];
  totals: WasteTotals;
  headline: string;
  /** kg per person and year beside OMR and DMA (set by `compute`). */
  national?: WasteComparison;
}

// ---- Food (core `food`) ----

/** core `food::ChannelSpending`. */
export interface ChannelSpending { channel: Channel; amount: DecimalString; share: DecimalString }
/** core `food::SurveyFigures`: one survey's figures (euros, shares as fractions). */
export interface SurveyFigures {
  survey: string;
  purchases: number;
  spending: DecimalString;
  organic_share: DecimalString;
  local_share: DecimalString;
  person_meals: DecimalString;
  /** Absent when no purchase feeds a meal. */
  cost_per_person_meal?: DecimalString;
  spending_per_person_day: DecimalString;
  spending_per_unit_day: DecimalString;
  channels: ChannelSpending[];
}
/** core `food::FoodChange`: shares' changes in points (`"0.09"` is +9 points). */
export interface FoodChange {
  from: string;
  to: string;
  organic_share_change: DecimalString;
  local_share_change: DecimalString;
  cost_per_person_meal_change?: DecimalString;
  spending_per_person_day_change?: DecimalString;
  /** More organic and local at constant budget. */
  goal_met: boolean;
}
/** core `food::FoodIndicators`: a household's food figures. */
export interface FoodIndicators { surveys: SurveyFigures[]; change: FoodChange; steps: FoodChange[] }
/** core `food::FoodTotals`: pooled figures of a group. */
export interface FoodTotals {
  households: number;
  excluded: number;
  exclusions: ExclusionCount[];
  households_meeting_goal: number;
  surveys: SurveyFigures[];
  change?: FoodChange;
  steps: FoodChange[];
  mean_organic_share_change?: DecimalString;
  median_organic_share_change?: DecimalString;
  mean_local_share_change?: DecimalString;
}
/** core `food::FoodTeam`: ranked by the pooled gain of organic plus local share. */
export interface FoodTeam { team: string; name: string; rank: number; totals: FoodTotals }
/** core `food::FoodReport`. */
export interface FoodReport {
  surveys: Survey[];
  budget_tolerance: DecimalString;
  households: HouseholdResult<FoodIndicators>[];
  teams: FoodTeam[];
  totals: FoodTotals;
  headline: string;
}

// ---- Mobility (core `mobility`) ----

/** core `mobility::ModeFigures`. */
export interface ModeFigures {
  mode: Mode;
  km: DecimalString;
  trips: number;
  km_per_person_week: DecimalString;
  /** kgCO2e; absent when the factor table has no factor for the mode. */
  co2e?: DecimalString;
}
/** core `mobility::PeriodMobility`: travel in one period (person-km, kgCO2e). */
export interface PeriodMobility {
  person_days: DecimalString;
  unit_days: DecimalString;
  km: DecimalString;
  trips: number;
  km_per_person_week: DecimalString;
  km_per_unit_week: DecimalString;
  car_share_of_trips?: DecimalString;
  car_share_of_km?: DecimalString;
  co2e: DecimalString;
  co2e_per_person_week: DecimalString;
  co2e_per_unit_week: DecimalString;
  modes: ModeFigures[];
}
/** core `mobility::MobilityIndicators`: a household's mobility figures. */
export interface MobilityIndicators {
  reference: PeriodMobility;
  challenge: PeriodMobility;
  km_change?: DecimalString;
  co2e_change?: DecimalString;
  /** In points, as a fraction (`"-0.22"` is −22 points). */
  car_share_of_trips_change?: DecimalString;
  car_share_of_km_change?: DecimalString;
  expected_km: DecimalString;
  expected_co2e: DecimalString;
  /** expected − challenge. */
  avoided_co2e: DecimalString;
}
/** core `mobility::MobilityTotals`: kgCO2e and person-km statistics, pooled travel. */
export interface MobilityTotals {
  co2e: Totals;
  km: Totals;
  reference?: PeriodMobility;
  challenge?: PeriodMobility;
  car_share_of_trips_change?: DecimalString;
  car_share_of_km_change?: DecimalString;
}
/** core `mobility::MobilityTeam`: ranked by the change of kgCO2e. */
export interface MobilityTeam { team: string; name: string; rank: number; totals: MobilityTotals }
/** core `mobility::MobilityReport`. */
export interface MobilityReport {
  reference_period: Period;
  challenge_period: Period;
  factors: ModeFactors;
  households: HouseholdResult<MobilityIndicators>[];
  teams: MobilityTeam[];
  totals: MobilityTotals;
  headline: string;
}

/**
 * core `Report` (`schema_version` 2): one section per theme of the
 * challenge; every section lists each household of the input as a
 * `HouseholdResult` of its theme's figures.
 */
export interface Report {
  /** 2: every theme's households in the one `HouseholdResult` shape. */
  schema_version: 2;
  challenge: Challenge;
  households: number;
  energy?: EnergyReport;
  water?: WaterReport;
  waste?: WasteReport;
  food?: FoodReport;
  mobility?: MobilityReport;
  /** Present when the results are provisional (`asOf`): every headline
   * then starts with « Résultats provisoires au … ». */
  provisional?: Provisional;
}

/** core `Error::code()`. */
export type ErrorCode =
  | "invalid_value" | "unknown_name" | "duplicate" | "unknown_reference"
  | "overflow" | "json" | "schema_version" | "insufficient_data" | "unsupported";

/**
 * What every function of this package throws: a real `Error` whose `name`
 * is always `"EcodefiError"`, with core's `code` and, when known, where the
 * problem is (core `Location`).
 */
export interface EcodefiError extends Error {
  name: "EcodefiError";
  code: ErrorCode;
  /** The message in each language of core's catalogue (`message` is the one asked for, English by default). */
  messages: { [lang in Lang]: string };
  /** The error's parameters as data (what it is about, the value given, the rule's values). */
  params: MessageParams;
  household?: string;
  meter?: string;
  /** The index (from 0) of the reading, bill or row in its list. */
  index?: number;
  file?: string;
  /** The line in the file, from 1. */
  line?: number;
  /** The column's name in the file. */
  column?: string;
  /** The path of the value in the input document (an option, a catalogue record's field). */
  path?: string;
  /** The team, for an error in a team's totals. */
  team?: string;
}

// ---- The regional catalogue (core `catalogue`) ----

/** A fact the source may not give: its value, or `"unknown"` (core `catalogue::Fact`). */
export type Fact<T> = T | "unknown";
/** core `catalogue::Status`. */
export type CatalogueStatus = "planned" | "running" | "finished";
/** core `catalogue::TerritoryKind`. */
export type TerritoryKind = "commune" | "epci" | "scot" | "department" | "region";
/** core `catalogue::Indicator`. */
export type Indicator =
  | "energy_use" | "water_use" | "residual_waste" | "total_waste"
  | "organic_food_share" | "local_food_share" | "car_share_of_trips";
/** core `catalogue::TotalUnit`. */
export type TotalUnit = "kwh" | "litres" | "kg" | "euros" | "km";
/** core `catalogue::GroupBy`. */
export type CatalogueGroupBy = "all" | "territory" | "year" | "theme" | "organiser_kind";
/** core `catalogue::Territory`: the INSEE code is checked by shape against the kind. */
export interface Territory { name: string; kind: TerritoryKind; insee_code?: string }
/** core `catalogue::Organiser`. */
export interface Organiser { name: string; kind: OrganiserKind }
/** core `catalogue::Partner`. */
export interface Partner { name: string; kind?: OrganiserKind; role?: string }
/** core `catalogue::YearSpan`: calendar years, inclusive. */
export interface YearSpan { first: number; last: number }
/** core `catalogue::Provenance`. */
export interface Provenance { source: string; url?: string }
/** core `catalogue::Totals`: the challenge's and the reference's totals. */
export interface ResultTotals { unit: TotalUnit; reference: DecimalString; challenge: DecimalString }
/** core `catalogue::Origin`: computed by ecodefi, or a published figure. */
export type Origin =
  | { kind: "computed"; ecodefi_version: string; report?: string }
  | { kind: "published"; source: string; quote?: string };
/** core `catalogue::ThemeResult`; `change` is a fraction (−0.113 is −11,3 %). */
export interface ThemeResult {
  theme: Theme;
  indicator: Indicator;
  households?: number;
  change: DecimalString;
  totals?: ResultTotals;
  origin: Origin;
}
/** core `catalogue::CatalogueRecord`: one challenge edition. */
export interface CatalogueRecord {
  name: string;
  edition: string;
  territory: Territory;
  organisers: Fact<Organiser[]>;
  partners?: Partner[];
  years: YearSpan;
  period?: Period;
  themes: Fact<Theme[]>;
  teams: Fact<number>;
  households: Fact<number>;
  /** `"not_published"` when the source gives none. */
  results: ThemeResult[] | "not_published";
  status: CatalogueStatus;
  provenance: Provenance;
  notes?: string;
}
/** core `catalogue::Catalogue` as JSON (`schemas/catalogue.schema.json`). */
export interface CatalogueDocument {
  schema_version: number;
  title?: string;
  records: CatalogueRecord[];
}
/** core `catalogue::RecordRef`: a record's index (from 0) and identity. */
export interface RecordRef { index: number; name: string; edition: string }
/** core `catalogue::Rule`. */
export type CatalogueRule =
  | "duplicate_identity" | "overlapping_editions" | "years_reversed"
  | "period_outside_years" | "households_fewer_than_teams"
  | "result_without_households" | "result_households_above_record"
  | "change_beyond_total" | "indicator_theme_mismatch"
  | "result_theme_not_listed" | "duplicate_result" | "invalid_totals"
  | "change_disagrees_with_totals";
/**
 * core `catalogue::Finding`, tagged by its `rule`; `result` is the result's index in its record.
 * A group (duplicates, overlapping editions) is one finding: `record` is its first member,
 * `members` its first 20 (`MEMBERS_LISTED`) in record order, `member_count` all of them.
 */
export type CatalogueFinding =
  | { rule: "duplicate_identity"; record: RecordRef; members: RecordRef[]; member_count: number }
  | { rule: "overlapping_editions"; record: RecordRef; theme: Theme; members: RecordRef[]; member_count: number }
  | { rule: "years_reversed"; record: RecordRef; first: number; last: number }
  | { rule: "period_outside_years"; record: RecordRef }
  | { rule: "households_fewer_than_teams"; record: RecordRef; households: number; teams: number }
  | { rule: "result_without_households"; record: RecordRef; result: number }
  | { rule: "result_households_above_record"; record: RecordRef; result: number; counted: number; households: number }
  | { rule: "change_beyond_total"; record: RecordRef; result: number; change: DecimalString }
  | { rule: "indicator_theme_mismatch"; record: RecordRef; result: number; theme: Theme; indicator: Indicator }
  | { rule: "result_theme_not_listed"; record: RecordRef; result: number; theme: Theme }
  | { rule: "duplicate_result"; record: RecordRef; result: number; indicator: Indicator }
  | { rule: "invalid_totals"; record: RecordRef; result: number }
  | { rule: "change_disagrees_with_totals"; record: RecordRef; result: number; change: DecimalString; from_totals: DecimalString };
/** core `catalogue::Filter`: every criterion given must hold. */
export interface CatalogueFilter {
  /** The territory's name (ignoring case) or its INSEE code. */
  territory?: string;
  territory_kind?: TerritoryKind;
  year?: number;
  theme?: Theme;
  organiser_kind?: OrganiserKind;
  status?: CatalogueStatus;
}
/** core `catalogue::HouseholdCount`. */
export interface HouseholdCount { known: number; records_unknown: number }
/** core `catalogue::ResultItem`. */
export interface ResultItem { record: RecordRef; households: number | null; change: DecimalString; computed: boolean }
/** core `catalogue::ResultAggregate`: combined changes are `null` where combining is not meaningful. */
export interface ResultAggregate {
  theme: Theme;
  indicator: Indicator;
  households: number;
  results_without_households: number;
  household_weighted_change: DecimalString | null;
  pooled_change: DecimalString | null;
  items: ResultItem[];
}
/** core `catalogue::Group`. */
export interface CatalogueGroup {
  key: string;
  challenges: number;
  records: RecordRef[];
  households: HouseholdCount;
  results: ResultAggregate[];
}
/** core `catalogue::Summary`. */
export interface CatalogueSummary { group_by: CatalogueGroupBy; filter: CatalogueFilter; groups: CatalogueGroup[] }
/** core `catalogue::Headline`: a result in one line. */
export interface Headline { indicator: Indicator; households: number | null; change: DecimalString }
/** core `catalogue::TimelineEntry`. */
export interface TimelineEntry {
  record: RecordRef;
  years: YearSpan;
  status: CatalogueStatus;
  themes: Fact<Theme[]>;
  households: Fact<number>;
  /** Empty when no result is published. */
  results: Headline[];
}
/** core `catalogue::Timeline`: a territory's challenges, oldest first. */
export interface Timeline { territory: Territory; entries: TimelineEntry[] }

// ---- Weather-regression baselines (core `regression`, CalTRACK 2.0) ----
// Statistics are numbers (core `f64`); metered usage is a decimal string.
// A statistic core cannot define is left out.

/** core `regression::DailyUsage`. */
export interface DailyUsage { date: DateString; usage: DecimalString; temperature_c: number }
/** core `regression::DailyTemperature`: a day's mean temperature, °C. */
export interface RegressionTemperature { date: DateString; temperature_c: number }
/** core `regression::BillingPeriod`. */
export interface BillingPeriod { period: Period; usage: DecimalString }
/** core `regression::UsageData`. */
export type UsageData =
  | { kind: "daily"; days: DailyUsage[] }
  | { kind: "billing"; periods: BillingPeriod[]; temperatures: RegressionTemperature[] };
/** core `regression::Interval`. */
export type Interval = "daily" | "billing";
/** core `regression::ModelKind`. */
export type ModelKind = "intercept_only" | "hdd_only" | "cdd_only" | "cdd_hdd";
/** core `regression::BalancePointGrid`: candidate balance points, °C. */
export interface BalancePointGrid { points_c: number[] }
/** core `regression::RegressionOptions`: every field has its CalTRACK 2.0 default. */
export interface RegressionOptions {
  grid?: BalancePointGrid;
  fit_heating?: boolean;
  fit_cooling?: boolean;
  min_non_zero_daily?: number;
  min_non_zero_billing?: number;
  min_total_degree_days_c?: number;
  max_p_value?: number | null;
  baseline_days?: number;
  /** First day of the baseline window. */
  baseline_start?: DateString | null;
  /** Last day of the baseline window, included. */
  baseline_end?: DateString | null;
  /** First reporting day: without baseline_start/end the window is the baseline_days before it. */
  reporting_start?: DateString | null;
  min_valid_fraction?: number;
  outlier_iqr_factor?: number;
  keep_candidates?: boolean;
}
/** core `regression::Metrics`. */
export interface RegressionMetrics {
  observed_length: number;
  num_parameters: number;
  observed_mean: number;
  observed_variance: number;
  r_squared?: number;
  r_squared_adj?: number;
  rmse: number;
  rmse_adj: number;
  cv_rmse?: number;
  nmbe?: number;
  autocorr_resid?: number;
  n_prime?: number;
}
/** core `regression::FittedModel`: coefficients per day and per °C-degree-day. */
export interface FittedModel {
  interval: Interval;
  kind: ModelKind;
  intercept: number;
  heating_balance_point_c?: number;
  beta_hdd?: number;
  cooling_balance_point_c?: number;
  beta_cdd?: number;
  r_squared_adj: number;
  metrics: RegressionMetrics;
  baseline_min_temperature_c?: number;
  baseline_max_temperature_c?: number;
}
/** core `regression::CheckName`. */
export type CheckName = "baseline_span" | "valid_days" | "negative_values" | "outliers";
/** core `regression::CheckStatus`. */
export type CheckStatus = "pass" | "warn" | "fail";
/** core `regression::Check`. */
export interface Check { name: CheckName; status: CheckStatus; value: number; limit: number; indices?: number[] }
/** core `regression::Window`: both days included. */
export interface Window { start: DateString; end: DateString }
/** core `regression::WindowSource`. */
export type WindowSource = "given" | "from_reporting_start" | "from_data";
/** core `regression::SufficiencyReport`: measured on the baseline window; valid_days + missing_days = window_days. */
export interface SufficiencyReport {
  checks: Check[];
  window?: Window;
  window_source: WindowSource;
  window_days: number;
  valid_days: number;
  missing_days: number;
  /** The first 20 ranges of missing days. */
  missing?: Period[];
  missing_ranges: number;
  outside_window: number;
}
/** core `regression::NoModelReason`. */
export type NoModelReason = "no_data" | "negative_values" | "no_qualified_candidate";
/** core `regression::CandidateStatus`. */
export type CandidateStatus = "qualified" | "disqualified" | "not_attempted" | "singular";
/** core `regression::CandidateIssue`. */
export type CandidateIssue =
  | "too_few_non_zero_hdd" | "total_hdd_too_low" | "too_few_non_zero_cdd"
  | "total_cdd_too_low" | "intercept_negative" | "beta_hdd_negative"
  | "beta_cdd_negative" | "beta_hdd_p_value_too_high"
  | "beta_cdd_p_value_too_high" | "singular";
/** core `regression::Candidate`. */
export interface Candidate {
  kind: ModelKind;
  heating_balance_point_c?: number;
  cooling_balance_point_c?: number;
  status: CandidateStatus;
  issues?: CandidateIssue[];
  intercept?: number;
  beta_hdd?: number;
  beta_cdd?: number;
  r_squared_adj?: number;
}
/** core `regression::Baseline`: usable when it has a model and no check failed. */
export interface Baseline {
  sufficiency: SufficiencyReport;
  model?: FittedModel;
  no_model_reason?: NoModelReason;
  candidates?: Candidate[];
}
/** core `regression::Prediction`: usage in the data's unit, split by cause. */
export interface Prediction { days: number; base: number; heating: number; cooling: number; total: number }
/** core `regression::ErrorBands`. */
export interface ErrorBands {
  confidence_level: number;
  t_stat: number;
  n_prime: number;
  fsu_error_band: number;
  ols_error_band: number;
  ols_error_band_model: number;
  ols_error_band_noise: number;
}
/**
 * A long table of daily usage for `regressionFitMany`, by columns of equal
 * length: row `i` is meter `meter[i]`'s usage (kWh: a decimal string, or a
 * number read as the decimal its `toString` prints) and mean temperature
 * (°C) on `day[i]`; `null` (or NaN) for a missing usage or temperature.
 */
export interface MeterColumns {
  meter: string[];
  day: DateString[];
  usage: (DecimalString | number | null)[];
  temperature: (number | null)[];
}
/** `regressionFitMany`'s own options. */
export interface FitManyOptions {
  /** The language of the meters' error messages (default "en"). */
  lang?: Lang | null;
}
/** core `regression::MeterRow`: one meter's result as plain fields (`null` when absent). */
export interface MeterRow {
  meter: string;
  rows: number;
  usable: boolean;
  model_kind: ModelKind | null;
  no_model_reason: NoModelReason | null;
  intercept: number | null;
  heating_balance_point_c: number | null;
  beta_hdd: number | null;
  cooling_balance_point_c: number | null;
  beta_cdd: number | null;
  observations: number | null;
  r_squared: number | null;
  r_squared_adj: number | null;
  cv_rmse: number | null;
  nmbe: number | null;
  rmse: number | null;
  n_prime: number | null;
  window_start: DateString | null;
  window_end: DateString | null;
  window_days: number | null;
  valid_days: number | null;
  missing_days: number | null;
  outside_window: number | null;
  /** The sufficiency checks that failed. */
  failed_checks: CheckName[];
  warned_checks: CheckName[];
  /** The meter's own error (a repeated day, a temperature that is not finite). */
  error_code: ErrorCode | null;
  error_message: string | null;
}
/** core `regression::Savings`: `savings` is counterfactual − observed (positive when usage went down). */
export interface Savings {
  reporting_observations: number;
  counterfactual: Prediction;
  observed: DecimalString;
  savings: number;
  savings_fraction?: number;
  error_bands?: ErrorBands;
  fractional_savings_uncertainty?: number;
  reporting_span_days: number;
  days_colder_than_baseline: number;
  days_warmer_than_baseline: number;
  extrapolated_share: number;
  warnings?: SavingsWarning[];
}
/** core `regression::PredictionReport`: a prediction with the cautions of a savings result. */
export interface PredictionReport {
  prediction: Prediction;
  reporting_span_days: number;
  days_colder_than_baseline: number;
  days_warmer_than_baseline: number;
  extrapolated_share: number;
  warnings?: SavingsWarning[];
}
/** core `regression::SavingsOptions`: the limits of the savings' warnings. */
export interface SavingsOptions { min_reporting_days?: number; max_extrapolated_share?: number }
/** core `regression::SavingsWarningCode`. */
export type SavingsWarningCode = "short_reporting_period" | "temperature_extrapolation";
/** core `regression::SavingsWarning`. */
export interface SavingsWarning { code: SavingsWarningCode; value: number; limit: number }

// ---- The files organisers and households have (core `files`) --------------
// In `ecodefi/sheets-themes` and `ecodefi`, not in `ecodefi/sheets`.

/** core `table::Table`: the table a spreadsheet file holds, by its name. */
export type TableName =
  | "households" | "teams" | "meters" | "readings" | "events" | "bills" | "deliveries" | "stock"
  | "presence" | "temperatures" | "weighings" | "purchases" | "trips" | "settings";
/** A file given as bytes (`computeFiles`). */
export interface ByteFile { name: string; bytes: Uint8Array }
/** core `files::set::Kind`, as `fileKind` gives it. */
export type FileKind =
  | { kind: "table"; table: TableName }
  | { kind: "weather" }
  | { kind: "meter" };

/** core `files::meteo_france::Resolution`. */
export type WeatherResolution = "daily" | "hourly";
/** core `files::meteo_france::Station`: one station of a Météo-France file. */
export interface WeatherStation {
  /** `NUM_POSTE`, 8 digits, as text. */
  number: string;
  /** `NOM_USUEL`. */
  name: string;
  latitude: DecimalString;
  longitude: DecimalString;
  /** Metres. */
  altitude: DecimalString;
  /** First day with a row. */
  first: DateString;
  /** Last day with a row. */
  last: DateString;
  /** Days from `first` to `last` with a valid Tn and Tx. */
  complete_days: number;
  /** Days from `first` to `last` without. */
  missing_days: number;
}
/** What `readWeatherFile` gives: the file's name, resolution and stations (in file order). */
export interface WeatherFileSummary { name: string; resolution: WeatherResolution; stations: WeatherStation[] }
/** core `files::meteo_france::FillMethod`. */
export type FillMethod = { method: "station"; number: string } | { method: "interpolated" };
/** core `files::meteo_france::FilledDay`: a day without a valid Tn or Tx, and the values it was given. */
export interface FilledDay { date: DateString; tn: DecimalString; tx: DecimalString; how: FillMethod }
/** The options of `weatherTemperatures` (core `files::meteo_france::Fill` and the days wanted). */
export interface WeatherTemperaturesOptions {
  /** First day (ISO); absent: the station's first day. */
  first?: DateString | null;
  /** Last day (ISO); absent: the station's last day. */
  last?: DateString | null;
  /** Another station of the file (number or name) whose values fill a missing day, tried first. */
  fillStation?: string | null;
  /** Linear interpolation over gaps of at most this many consecutive days (0, the default: none). */
  interpolateMaxDays?: number | null;
  /** Provisional results as of this day, as `ComputeOptions.asOf`. */
  asOf?: DateString | "last_data" | null;
}
/** core `files::meteo_france::StationTemperatures`. */
export interface StationTemperatures { station: WeatherStation; temperatures: Temperatures; filled: FilledDay[] }

/** core `files::meter_file::Provider`. */
export type MeterProvider = "enedis" | "grdf";
/** core `files::meter_file::Content`: what a meter export measures. */
export type MeterContent =
  | { kind: "daily_consumption" }
  | { kind: "index" }
  | { kind: "load_curve"; step_minutes: number }
  | { kind: "gas_days" };
/** core `files::meter_file::Day`: one day's consumption. */
export interface MeterDay { date: DateString; kwh: DecimalString; m3?: DecimalString; kwh_per_m3?: DecimalString }
/** core `files::meter_file::MeterFile`: a Linky or Gazpar export, read. */
export interface MeterFile {
  name: string;
  provider: MeterProvider;
  content: MeterContent;
  /** PRM (Enedis) or PCE (GRDF), when the file names it. */
  identifier: string | null;
  carrier: Carrier;
  days: MeterDay[];
  /** Index readings at the start of a day, kWh (Enedis) or m³ (GRDF). */
  index: Reading[];
  /** Days inside the file's span missing from `days` (a missing or empty value, a load-curve day without all its points): gaps, never zeros. */
  incomplete_days?: DateString[];
  /** Index discontinuities of a GRDF file, kept as meter replacements. */
  events?: MeterEvent[];
}

/** The options of `computeFiles` (core `files::set::FileOptions`). */
export interface FilesOptions {
  /** The language of the details and of a thrown error's `message`; default `"en"`. */
  lang?: Lang;
  /** The Météo-France station (number or name); absent: the settings' `station_meteo`, else the file's only station. */
  station?: string | null;
  /** Another station of the file whose values fill a missing day. */
  fillStation?: string | null;
  /** Linear interpolation over gaps of at most this many consecutive days (0, the default: none). */
  interpolateMaxDays?: number | null;
}
/** core `files::set::AttachedFile`: where a Linky or Gazpar file went. */
export interface AttachedFile {
  file: string;
  provider: MeterProvider;
  content: MeterContent;
  identifier: string | null;
  household: string;
  meter: string;
  /** Whether the meter was created for the file (no meters-table row). */
  created: boolean;
  matched_by: "identifier" | "file_name";
  first: DateString | null;
  last: DateString | null;
}
/** core `files::set::WeatherUse`: the station whose temperatures were taken. */
export interface WeatherUse { file: string; station: WeatherStation; filled: FilledDay[] }
/** core `files::set::Imported`: what the files became. */
export interface Imported { weather: WeatherUse | null; meters: AttachedFile[] }
/** What `computeFiles` returns: what `computeSheets` returns, and `imported`. */
export interface FilesResult extends SheetsResult { imported: Imported }
