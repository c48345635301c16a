// Every text of the page, in one place. The users are French organisers, so
// French is the language; another follows by adding an object with the same
// keys to `messages` and choosing it in `lang`.
//
// Numbers come from core as decimal strings; `number()` and `percent()`
// round and write them on the text itself, in core's published French style
// (core `french::number`, `french::percent`): no digit goes through a binary
// float.

export const messages = {
  fr: {
    title: 'ecodefi — résultats du défi',
    subtitle: 'Calcul exact des économies des foyers, des équipes et du défi, dans votre navigateur : aucun fichier ne quitte cet ordinateur.',
    inputTitle: 'Données du défi',
    dropHint: 'Déposez ici les fichiers CSV du défi, paramètres compris (defi.csv), ou le document JSON, choisissez-les, ou essayez un des exemples fournis. Les fichiers téléchargés par les foyers et l’organisateur se lisent tels quels : Linky (Enedis, .csv), Gazpar (GRDF, .xlsx, .csv ou .json) et Météo-France (.csv.gz).',
    pick: 'Choisir des fichiers…',
    samplesLabel: 'Exemples :',
    sample: 'Charger l’exemple (190 foyers)',
    sampleCsv: 'Exemple en tableur (CSV)',
    sampleThemes: 'Exemple à plusieurs thèmes (eau, déchets, alimentation, mobilité)',
    sampleZeroDechet: 'Défi zéro déchet (tableur)',
    sampleDeclics: 'Défi Déclics énergie, eau, déchets (tableur)',
    sampleLinkyGazpar: 'Défi énergie — fichiers Linky, Gazpar et Météo-France',
    resultsTitle: 'Résultats',
    // Provisional results as of a day of the challenge period.
    asOf: 'Résultats au',
    asOfHint: '(vide : résultats définitifs ; une date : résultats provisoires de la période écoulée)',
    downloadCsv: 'Énergie : résultats détaillés par foyer (CSV)',
    downloadTeamsCsv: 'Énergie : résultats détaillés par équipe (CSV)',
    // Each theme section's own CSV files (core's writers, French style).
    themeDownloads: {
      teams: (theme) => `${theme} : classement des équipes (CSV)`,
      households: (theme) => `${theme} : résultats par foyer (CSV)`,
    },
    downloadJson: 'Rapport complet (JSON)',
    files: {
      households: 'ecodefi-foyers.csv',
      teams: 'ecodefi-equipes.csv',
      json: 'ecodefi-rapport.json',
      // A theme section's CSV files: `dechets-equipes.csv`, `dechets-foyers.csv`…
      themeTeams: (slug) => `${slug}-equipes.csv`,
      themeHouseholds: (slug) => `${slug}-foyers.csv`,
    },
    // The themes in file names (French, without accents).
    themeSlugs: {
      energy: 'energie',
      water: 'eau',
      waste: 'dechets',
      food: 'alimentation',
      mobility: 'mobilite',
    },
    // Which module computed the shown report (the status line says it).
    modules: {
      sheets: 'tableur, énergie (ecodefi/sheets)',
      'sheets-themes': 'tableur, tous thèmes (ecodefi/sheets-themes)',
      full: 'complet (ecodefi)',
    },
    // What a file read directly is (core `files::set::kind`).
    weatherRole: 'fichier climatologique Météo-France',
    meterRole: 'export de compteur Linky ou Gazpar',
    settingsWithFiles: 'avec des fichiers Linky, Gazpar ou Météo-France, donnez les paramètres du défi en tableur (defi.csv), pas en JSON',
    // The files read directly: the station and where each meter export went.
    imports: {
      title: 'Fichiers importés',
      metersTitle: 'Compteurs Linky et Gazpar',
      stationTitle: 'Station météo',
      stationIntro: (file, n) => `${n} station${n > 1 ? 's' : ''} dans le fichier ${file}. Choisissez celle dont les températures corrigent les consommations du climat :`,
      stationUsed: (number, name) => `Températures de la station ${number} ${name}.`,
      noneFilled: 'Aucun jour complété.',
      filled: (n) => `${n} jour${n > 1 ? 's' : ''} complété${n > 1 ? 's' : ''} :`,
      filledByStation: (number) => `par la station ${number}`,
      filledInterpolated: 'par interpolation',
      fillTitle: 'Jours sans température valide',
      interpolate: 'Compléter par interpolation les trous d’au plus',
      days: 'jours (0 : jamais)',
      fillStation: 'Compléter d’abord par la station',
      noFillStation: 'aucune',
      complete: 'complet',
      missingIn: 'températures manquantes',
      // The kind of a meter export and who published it: « consommation quotidienne (Enedis) ».
      kindBy: (kind, provider) => `${kind} (${provider})`,
      columns: {
        choice: 'Choix',
        number: 'Numéro',
        name: 'Nom',
        altitude: 'Altitude',
        covered: 'Jours couverts',
        missing: 'Jours manquants',
        reference: 'Période de référence',
        challenge: 'Période du défi',
        file: 'Fichier',
        household: 'Foyer',
        meter: 'Compteur',
        created: 'Compteur créé',
        kind: 'Contenu',
        identifier: 'PRM / PCE',
        from: 'Du',
        to: 'Au',
      },
      covered: (first, last, complete) => `du ${first} au ${last} (${complete} jours complets)`,
      metres: (m) => `${m} m`,
      created: 'créé pour ce fichier',
      existing: 'déjà présent',
      kinds: {
        daily_consumption: 'consommation quotidienne',
        index: 'index quotidien',
        load_curve: (step) => `courbe de charge ${step} min`,
        gas_days: 'relevés Gazpar',
      },
      providers: { enedis: 'Enedis', grdf: 'GRDF' },
    },
    tableRole: 'table du défi (CSV)',
    withDocument: 'le fichier JSON est déjà un document complet du défi : retirez les fichiers CSV, ou donnez seulement les paramètres en JSON',
    settingsRole: 'paramètres du défi',
    documentRole: 'document complet du défi',
    oneJson: 'un seul fichier JSON à la fois (les paramètres du défi, ou le document complet)',
    teamsTitle: 'Classement des équipes',
    householdsTitle: 'Résultats par foyer',
    figuresTitle: 'Chiffres clés',
    // The themes, in core's order (its report and its headlines).
    themes: {
      energy: 'Énergie',
      water: 'Eau',
      waste: 'Déchets',
      food: 'Alimentation',
      mobility: 'Mobilité',
    },
    challengeOf: (c) => `${c.name} — ${c.territory}`,
    // What each theme's team ranking shows (the change core ranks by).
    teamsChart: {
      energy: 'Économie d’énergie corrigée du climat par équipe',
      water: 'Économie d’eau par équipe (évolution de la consommation par personne)',
      waste: 'Réduction des déchets non recyclables (ordures résiduelles) par équipe',
      food: 'Progression des parts du bio et du local par équipe, en points',
      mobility: 'Réduction des émissions de CO2e des déplacements par équipe',
    },
    organic: 'bio',
    local: 'local',
    yes: 'oui',
    no: 'non',
    figures: {
      counted: 'Foyers comptés',
      excluded: 'Foyers exclus',
      change: 'Évolution',
      meanChange: 'Évolution moyenne par foyer',
      medianChange: 'Évolution médiane par foyer',
      savedKwh: 'Énergie économisée',
      eurosSaved: 'Économie en euros',
      objective: 'Objectif de baisse',
      objectiveReachedBy: 'Foyers ayant atteint l’objectif',
      waterChange: 'Évolution de la consommation d’eau',
      savedLitres: 'Eau économisée',
      litresPerPersonDay: 'Litres par personne et par jour (référence → défi)',
      referenceValue: 'Valeur repère (litres par personne et par jour)',
      versusReferenceValue: 'Écart à la valeur repère',
      residualChange: 'Évolution des ordures résiduelles',
      residualAvoided: 'Ordures résiduelles évitées',
      totalChange: 'Évolution de tous les déchets',
      streamChange: (stream) => `Évolution : ${stream}`,
      meetingGoal: 'Foyers ayant atteint leur objectif',
      organicShare: 'Part du bio',
      localShare: 'Part du local',
      costPerMeal: 'Coût par repas et par personne',
      survey: (name) => `enquête « ${name} »`,
      organicChange: 'Évolution de la part du bio',
      localChange: 'Évolution de la part du local',
      costPerMealChange: 'Évolution du coût par repas et par personne',
      co2eChange: 'Évolution des émissions de CO2e',
      co2eAvoided: 'Émissions évitées',
      kmChange: 'Évolution des kilomètres parcourus',
      carShareOfTrips: 'Part de la voiture dans les trajets (référence → défi)',
      carShareOfTripsChange: 'Évolution de la part de la voiture dans les trajets',
    },
    // The national references (core's `national` in a theme's section).
    national: {
      units: {
        litres_per_person_day: 'L par personne et par jour',
        kg_per_person_year: 'kg par habitant et par an',
        kwh_per_household_year: 'kWh par foyer et par an',
      },
      energy: {
        reference: 'Repère national',
        challenge: 'Consommation moyenne des foyers (référence, ramenée à l’année)',
        versus: 'Écart au repère national',
      },
      water: { reference: 'Repère national', versus: 'Écart au repère national' },
      residual: {
        reference: 'Repère national, ordures ménagères résiduelles',
        challenge: 'Ordures résiduelles du défi, par habitant et par an',
        versus: 'Écart au repère national des ordures ménagères résiduelles',
      },
      total: {
        reference: 'Repère national, déchets ménagers et assimilés',
        challenge: 'Tous les déchets pesés du défi, par habitant et par an',
        versus: 'Écart au repère national des déchets ménagers et assimilés',
      },
    },
    footer: 'ecodefi : chaque formule cite sa source ; chaque foyer figure dans le résultat, avec son économie ou la raison de son exclusion.',
    loading: 'Chargement du moteur de calcul…',
    ready: 'Prêt.',
    reading: (n) => `Lecture de ${n} fichier${n > 1 ? 's' : ''}…`,
    computing: 'Calcul en cours…',
    computedIn: (ms, n) => `Calculé en ${ms} ms pour ${n} foyer${n > 1 ? 's' : ''}, dans ce navigateur.`,
    computedBy: (module) => `Module de calcul : ${module}.`,
    fileError: 'erreur',
    failed: 'Les données n’ont pas pu être lues : voir l’erreur à côté du fichier.',
    engineFailed: (msg) => `Le moteur de calcul n’a pas pu démarrer : ${msg}`,
    where: {
      meter: (m) => `compteur « ${m} »`,
      index: (i) => `élément n° ${i + 1}`,
    },
    columns: {
      rank: 'Rang',
      team: 'Équipe',
      household: 'Foyer',
      status: 'Statut',
      reference: 'Référence corrigée (kWh)',
      challenge: 'Défi (kWh)',
      saving: 'Économie',
      waterReference: 'Référence (L par pers. et par jour)',
      waterChallenge: 'Défi (L par pers. et par jour)',
      versusReferenceValue: 'Écart à la valeur repère',
      residualReference: 'Ordures résiduelles, référence (kg par pers. et par semaine)',
      residualChallenge: 'Ordures résiduelles, défi (kg par pers. et par semaine)',
      residualChange: 'Évolution des ordures résiduelles',
      totalChange: 'Évolution de tous les déchets',
      organicShare: 'Part du bio',
      localShare: 'Part du local',
      costPerMealChange: 'Évolution du coût par repas et par personne',
      goalMet: 'Objectif atteint',
      kmPerPersonWeek: 'km par pers. et par semaine',
      carShareOfTrips: 'Part de la voiture dans les trajets',
      co2ePerPersonWeek: 'kg CO2e par pers. et par semaine',
      co2eChange: 'Évolution des émissions',
      change: 'Évolution',
      notes: 'Exclusion ou alertes',
      households: 'Foyers',
    },
    counted: 'compté',
    excluded: 'exclu',
    streams: {
      residual: 'ordures résiduelles',
      packaging: 'emballages',
      glass: 'verre',
      biowaste: 'biodéchets',
      garden: 'déchets verts',
      textiles: 'textiles',
      bulky: 'encombrants',
      electronic: 'équipements électriques et électroniques',
      hazardous: 'déchets dangereux',
    },
    units: {
      kwh: 'kWh',
      euros: '€',
      litres: 'L',
      kg: 'kg',
      kgCo2e: 'kg CO2e',
      points: 'pts',
    },
    arrow: ' \u2192 ',
    decimalSeparator: ',',
    thousands: '\u202f',
    percentSpace: '\u00a0',
    minus: '\u2212',
    more: (n) => `… et ${n} autres foyers : voir le rapport complet (JSON).`,
    objectiveReached: 'objectif atteint',
    // The printable document (print.js): the summary, each theme's team
    // ranking, one page per team for its captain, one certificate per household.
    print: {
      button: 'Imprimer / PDF',
      title: 'Résultats du défi',
      periods: (reference, challenge) => `Période de référence : ${reference}. Période du défi : ${challenge}.`,
      period: (first, last) => `du ${first} au ${last}`,
      participants: (households, teams) => `${households} foyer${households > 1 ? 's' : ''} en ${teams} équipe${teams > 1 ? 's' : ''}.`,
      headlinesTitle: 'En bref',
      contentsTitle: 'Ce document',
      contents: {
        summary: 'Résumé du défi',
        ranking: (theme) => `Classement des équipes — ${theme}`,
        teams: (n) => `Une page par équipe, pour sa capitaine ou son capitaine (${n} équipe${n > 1 ? 's' : ''})`,
        certificates: (n) => `Une attestation par foyer (${n} foyer${n > 1 ? 's' : ''})`,
      },
      rankingTitle: (theme) => `Classement des équipes — ${theme}`,
      teamTitle: (name) => `Équipe ${name}`,
      teamIntro: 'Pour la capitaine ou le capitaine : les foyers de l’équipe, leurs résultats, et pour les foyers exclus la raison de leur exclusion.',
      // "1re sur 20", "2e sur 20".
      rank: (rank, teams) => `${rank}${rank === 1 ? 're' : 'e'} sur ${teams}`,
      teamStanding: (rank, figure, counted) => `${rank} — ${figure} (${counted} foyer${counted > 1 ? 's' : ''} compté${counted > 1 ? 's' : ''})`,
      certificateTitle: 'Attestation de participation',
      certificateOf: (household, team) => `Le foyer ${household}, de l’équipe ${team},`,
      tookPart: (challenge) => `a participé au ${challenge}.`,
      certificateThanks: 'Merci pour votre engagement !',
      notCounted: 'Résultat non calculé :',
      wasteAvoided: 'Déchets évités (tous flux)',
      co2ePerPersonWeek: 'Émissions des déplacements (kg CO2e par personne et par semaine, référence → défi)',
      kmPerPersonWeek: 'Kilomètres par personne et par semaine (référence → défi)',
    },
    catalogue: {
      title: 'Catalogue régional',
      intro: 'L’historique des défis d’une région : qui, où, quand, et les résultats publiés. Un fait que la source ne donne pas reste « inconnu » ou « non publié ».',
      sample: 'Charger le catalogue Hauts-de-France',
      pick: 'Choisir un catalogue (JSON)…',
      loaded: (n) => `${n} défi${n > 1 ? 's' : ''} au catalogue.`,
      failed: 'Le catalogue n’a pas pu être lu :',
      tableTitle: 'Les défis',
      timelinesTitle: 'Chronologie par territoire',
      timelinesLabel: 'Défis de chaque territoire dans le temps, avec leurs résultats publiés',
      findingsTitle: 'Contrôles du catalogue',
      noFindings: 'Aucune incohérence relevée dans le catalogue.',
      findingsIntro: (n) => `${n} incohérence${n > 1 ? 's' : ''} relevée${n > 1 ? 's' : ''} :`,
      recordRef: (r) => `fiche n° ${r.index + 1} « ${r.name} » (${r.edition})`,
      resultNo: (i) => `résultat n° ${i + 1}`,
      groupOf: (numbers, count) => `fiches n° ${numbers.join(', ')}${count > numbers.length ? ` et ${count - numbers.length} autres` : ''} (${count} fiches)`,
      unknown: 'inconnu',
      notPublished: 'non publié',
      period: (a, b) => ` (du ${a} au ${b})`,
      householdsOf: (n) => `${n} foyer${n > 1 ? 's' : ''}`,
      publishedIn: (source) => `Chiffre publié : ${source}`,
      computedBy: (v) => `Calculé par ecodefi ${v}`,
      columns: {
        territory: 'Territoire',
        challenge: 'Défi',
        dates: 'Dates',
        themes: 'Thèmes',
        households: 'Foyers',
        results: 'Résultats',
        status: 'Statut',
      },
      themes: {
        energy: 'énergie',
        water: 'eau',
        waste: 'déchets',
        food: 'alimentation',
        mobility: 'mobilité',
      },
      indicators: {
        energy_use: 'consommation d’énergie',
        water_use: 'consommation d’eau',
        residual_waste: 'déchets résiduels',
        total_waste: 'déchets (total)',
        organic_food_share: 'part d’alimentation bio',
        local_food_share: 'part d’alimentation locale',
        car_share_of_trips: 'part des trajets en voiture',
      },
      status: {
        planned: 'prévu',
        running: 'en cours',
        finished: 'terminé',
      },
      rules: {
        duplicate_identity: 'fiche en double (même défi, même édition)',
        overlapping_editions: 'éditions qui se chevauchent sur un même territoire et un même thème',
        years_reversed: 'années dans le désordre',
        period_outside_years: 'période hors des années du défi',
        households_fewer_than_teams: 'moins de foyers que d’équipes',
        result_without_households: 'résultat sans nombre de foyers',
        result_households_above_record: 'résultat sur plus de foyers que le défi n’en compte',
        change_beyond_total: 'baisse de plus de 100 %',
        indicator_theme_mismatch: 'indicateur d’un autre thème',
        result_theme_not_listed: 'résultat sur un thème absent des thèmes du défi',
        duplicate_result: 'résultat en double',
        invalid_totals: 'totaux invalides',
        change_disagrees_with_totals: 'évolution en désaccord avec les totaux',
      },
    },
  },
};

export const lang = 'fr';
export const t = messages[lang];

/** Splits a decimal string into sign, integer digits and fraction digits. */
function parts(s) {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(typeof s === 'string' ? s : '');
  return m ? { negative: m[1] === '-', int: m[2], frac: m[3] ?? '' } : null;
}

/**
 * The digits of |value| rounded half away from zero to `places` decimals,
 * as [integer digits, fraction digits], computed on the text.
 */
function rounded({ int, frac }, places) {
  const padded = frac.padEnd(places + 1, '0');
  const digits = (int + padded.slice(0, places)).split('').map(Number);
  if (Number(padded[places]) >= 5) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) { digits[i] = 0; i -= 1; }
    if (i < 0) digits.unshift(1); else digits[i] += 1;
  }
  const all = digits.join('');
  const intDigits = all.slice(0, all.length - places).replace(/^0+(?=\d)/, '') || '0';
  return [intDigits, all.slice(all.length - places)];
}

/**
 * A decimal string written in the language's style, rounded half away from
 * zero to `places` decimals: French "−312 450,6" (narrow no-break spaces
 * between thousands, a true minus sign), as core's `french::number`.
 */
export function number(s, places = 0) {
  const p = parts(s);
  if (!p) return '';
  const [int, frac] = rounded(p, places);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, t.thousands);
  const zero = /^0*$/.test(int + frac);
  return `${p.negative && !zero ? t.minus : ''}${grouped}${frac ? t.decimalSeparator + frac : ''}`;
}

/**
 * A fraction given as a decimal string ("-0.1134") as a signed percentage
 * ("−11,3 %", "+2,0 %", "0,0 %"), as core's `french::percent`: the point
 * moves two places on the text, no digit goes through a binary float.
 */
export function percent(s, places = 1) {
  const p = parts(s);
  if (!p) return '';
  const frac = p.frac.padEnd(2, '0');
  const moved = `${p.negative ? '-' : ''}${p.int}${frac.slice(0, 2)}.${frac.slice(2)}`;
  const body = number(moved, places);
  const sign = body.startsWith(t.minus) || /^[0,.\s\u202f]*$/.test(body) ? '' : '+';
  return `${sign}${body}${t.percentSpace}%`;
}

/**
 * A change of a share given as a fraction ("0.15": 15 points) in points:
 * "+15,0 pts", written as `percent` writes it.
 */
export function points(s, places = 1) {
  const p = percent(s, places);
  return p ? `${p.slice(0, -1)}${t.units.points}` : '';
}

/** A share given as a fraction ("0.255") as a percentage, unsigned: "25,5 %". */
export function share(s, places = 1) {
  const p = percent(s, places);
  return p.startsWith('+') ? p.slice(1) : p;
}

/** The language the page asks core for: every exclusion, warning and error text is core's, from its catalogue. */
export const LANG = 'fr';

let coreLabel = null;

/** Gives the page core's `codeLabel` (from the module loaded first). */
export function setCodeLabels(label) {
  coreLabel = label;
}

/** A code (exclusion, warning, error kind) in words, in French: core's catalogue (`codeLabel`). */
export function codeLabel(code) {
  return coreLabel?.(code, LANG) ?? code;
}
