// Which table a dropped CSV file is, from its name: the organisers' French
// file names (foyers.csv, releves.csv…) or core's English table names
// (households.csv…, as core's table writer names them). A file whose name
// says nothing is reported next to the file, not guessed.
//
// The keys are core's `table::Table` spellings, which `readTables` parses.

const NAMES = {
  households: ['foyers', 'foyer', 'households', 'household', 'menages'],
  teams: ['equipes', 'equipe', 'teams', 'team'],
  meters: ['compteurs', 'compteur', 'meters', 'meter'],
  readings: ['releves', 'releve', 'readings', 'reading', 'index'],
  events: ['evenements', 'evenement', 'events', 'event'],
  bills: ['factures', 'facture', 'bills', 'bill'],
  deliveries: ['livraisons', 'livraison', 'deliveries', 'delivery'],
  stock: ['stocks', 'stock'],
  presence: ['presences', 'presence'],
  temperatures: ['temperatures', 'temperature', 'meteo'],
};

/** The file name's stem, lower case, without accents, spaces or hyphens. */
function stem(fileName) {
  return fileName
    .replace(/\.[^.]*$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** The table a CSV file holds (core's table name), or null. */
export function tableOf(fileName) {
  if (!/\.(csv|tsv|txt)$/i.test(fileName)) return null;
  const s = stem(fileName);
  for (const [table, names] of Object.entries(NAMES)) {
    if (names.includes(s)) return table;
  }
  return null;
}
