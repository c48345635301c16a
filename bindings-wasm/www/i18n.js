// Every text of the page, in one place. The users are French organisers, so
// French is the language; another follows by adding an object with the same
// keys to `messages` and choosing it in `lang`.
//
// Numbers come from core as decimal strings; `decimal()` only changes the
// separator, `percent()` moves the point by two places on the text itself:
// no digit goes through a binary float.

export const messages = {
  fr: {
    title: 'ecodefi — résultats du défi',
    subtitle: 'Calcul exact des économies des foyers, des équipes et du défi, dans votre navigateur : aucun fichier ne quitte cet ordinateur.',
    inputTitle: 'Données du défi',
    dropHint: 'Déposez ici les fichiers CSV du défi (ou le document JSON), choisissez-les, ou essayez avec l’exemple fourni.',
    pick: 'Choisir des fichiers…',
    sample: 'Charger l’exemple',
    resultsTitle: 'Résultats',
    downloadCsv: 'Télécharger les résultats (CSV)',
    downloadJson: 'Télécharger le rapport (JSON)',
    teamsTitle: 'Classement des équipes',
    teamsChartLabel: 'Économie d’énergie corrigée du climat par équipe',
    householdsTitle: 'Résultats par foyer',
    footer: 'ecodefi : chaque formule cite sa source ; chaque foyer figure dans le résultat, avec son économie ou la raison de son exclusion.',
    loading: 'Chargement du moteur de calcul…',
    ready: 'Prêt.',
    reading: (n) => `Lecture de ${n} fichier${n > 1 ? 's' : ''}…`,
    computing: 'Calcul en cours…',
    computedIn: (ms, n) => `Calculé en ${ms} ms pour ${n} foyer${n > 1 ? 's' : ''}, dans ce navigateur.`,
    fileOk: 'lu',
    fileError: 'erreur',
    failed: 'Les données n’ont pas pu être lues : voir l’erreur à côté du fichier.',
    failedNoFile: (msg) => `Les données n’ont pas pu être lues : ${msg}`,
    engineFailed: (msg) => `Le moteur de calcul n’a pas pu démarrer : ${msg}`,
    where: {
      line: (n) => `ligne ${n}`,
      column: (c) => `colonne « ${c} »`,
      household: (h) => `foyer « ${h} »`,
      meter: (m) => `compteur « ${m} »`,
      index: (i) => `élément n° ${i + 1}`,
    },
    errorCodes: {
      invalid_value: 'valeur invalide',
      unknown_name: 'nom inconnu',
      duplicate: 'doublon',
      unknown_reference: 'référence inconnue',
      overflow: 'dépassement de capacité',
      json: 'JSON invalide',
      schema_version: 'version de schéma non prise en charge',
      insufficient_data: 'données insuffisantes',
    },
    columns: {
      rank: 'Rang',
      team: 'Équipe',
      household: 'Foyer',
      status: 'Statut',
      reference: 'Référence corrigée (kWh)',
      challenge: 'Défi (kWh)',
      saving: 'Économie',
      notes: 'Exclusion ou alertes',
      households: 'Foyers',
    },
    counted: 'compté',
    excluded: 'exclu',
    exclusions: {
      no_meter: 'aucun compteur',
      no_data: 'aucune mesure',
      too_few_readings: 'trop peu de relevés',
      duplicate_reading: 'deux relevés le même jour',
      overlapping_bills: 'factures qui se chevauchent',
      decreasing_index: 'index en baisse sans changement de compteur',
      period_not_covered: 'période non couverte par les mesures',
      zero_reference: 'consommation de référence nulle',
      negative_consumption: 'consommation négative',
      not_present: 'absent pendant le défi',
    },
    warnings: {
      long_gap: 'relevés très espacés',
      extrapolated: 'période extrapolée',
      prorated_by_days: 'réparti au prorata des jours (températures manquantes)',
      deliveries_without_stock: 'livraisons sans estimation du stock',
      outlier: 'économie atypique',
      missing_co2e_factor: 'facteur d’émission manquant',
      missing_price: 'prix manquant',
      heating_share_estimated: 'part chauffage estimée',
    },
    decimalSeparator: ',',
    minus: '−',
  },
};

export const lang = 'fr';
export const t = messages[lang];

/** A decimal string written with the language's separator and minus sign. */
export function decimal(s) {
  if (typeof s !== 'string') return '';
  return s.replace('-', t.minus).replace('.', t.decimalSeparator);
}

/**
 * A fraction given as a decimal string ("-0.1134") as a percentage with
 * `digits` decimals ("−11,3 %"), computed on the text (round half away from
 * zero, like core's published figures).
 */
export function percent(s, digits = 1) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s ?? '');
  if (!m) return '';
  const [, sign, int, frac = ''] = m;
  // Multiply by 100: move the point two places right.
  const f = frac.padEnd(2 + digits + 1, '0');
  let digitsStr = (int + f.slice(0, 2 + digits)).replace(/^0+(?=\d)/, '');
  const next = f.charCodeAt(2 + digits) - 48;
  if (next >= 5) {
    // Round the digit string up by one unit in the last place.
    const arr = digitsStr.split('').map(Number);
    let i = arr.length - 1;
    while (i >= 0 && arr[i] === 9) { arr[i] = 0; i -= 1; }
    if (i < 0) arr.unshift(1); else arr[i] += 1;
    digitsStr = arr.join('');
  }
  digitsStr = digitsStr.padStart(digits + 1, '0');
  const whole = digitsStr.slice(0, digitsStr.length - digits);
  const dec = digits > 0 ? t.decimalSeparator + digitsStr.slice(digitsStr.length - digits) : '';
  const isZero = /^0*$/.test(digitsStr);
  return `${sign && !isZero ? t.minus : ''}${whole}${dec}\u202f%`;
}

/** Where an error is, in words: "ligne 4, colonne « value »". */
export function where(err) {
  const w = t.where;
  const parts = [];
  if (err.line !== undefined) parts.push(w.line(err.line));
  if (err.column !== undefined) parts.push(w.column(err.column));
  if (err.household !== undefined) parts.push(w.household(err.household));
  if (err.meter !== undefined) parts.push(w.meter(err.meter));
  if (err.index !== undefined) parts.push(w.index(err.index));
  return parts.join(', ');
}
