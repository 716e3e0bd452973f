/**
 * The people and organisations of the sample: Kanzlei Berger & Partner (a law firm in Köln), its clients and its payees.
 *
 * Every IBAN here was composed from a bank code and an account number with ibantools (`composeIBAN`), so its check digits
 * are right; `npx tsx local/sample/generate.ts` checks them all again (and the e2e test does too). BICs belong to the bank
 * codes. Account numbers and names are invented.
 */
export interface Party {
  name: string;
  iban: string;
  bic: string;
}

/** The firm's own account (Auftragskonto): Sparkasse KölnBonn. */
export const firmAccount: Party = { name: 'Kanzlei Berger & Partner', iban: 'DE85370501980019283746', bic: 'COLSDE33XXX' };

export interface Client {
  id: string;
  name: string;
  accounts: Array<{ iban: string; bic: string }>;
}

export const clients = {
  muellerBau: {
    id: 'K-001',
    name: 'Müller Bau GmbH',
    accounts: [
      { iban: 'DE06370400440611408800', bic: 'COBADEFFXXX' },
      { iban: 'DE48370501980071239455', bic: 'COLSDE33XXX' },
    ],
  },
  krueger: { id: 'K-002', name: 'Dr. Sabine Krüger', accounts: [{ iban: 'DE81370700601234007700', bic: 'DEUTDEDKXXX' }] },
  schaefer: { id: 'K-003', name: 'Schäfer & Söhne OHG', accounts: [{ iban: 'DE15380601864021553300', bic: 'GENODED1CGN' }] },
  hofmann: { id: 'K-004', name: 'Hofmann Immobilien GmbH', accounts: [{ iban: 'DE51370100500554120334', bic: 'PBNKDEFFXXX' }] },
  weber: { id: 'K-005', name: 'Weber Logistik GmbH', accounts: [{ iban: 'AT382011182212345600', bic: 'GIBAATWWXXX' }] },
  lindner: { id: 'K-006', name: 'Lindner Treuhand AG', accounts: [{ iban: 'CH4700230000123456789', bic: 'UBSWCHZH80A' }] },
  jansen: { id: 'K-007', name: 'Peter Jansen', accounts: [{ iban: 'DE95500105175407324789', bic: 'INGDDEFFXXX' }] },
  oezdemir: { id: 'K-008', name: 'Özdemir Gastronomie GmbH', accounts: [{ iban: 'DE16370501980080112233', bic: 'COLSDE33XXX' }] },
  rechtsschutz: { id: 'K-009', name: 'Rechtsschutz Union Versicherungs-AG', accounts: [{ iban: 'DE24700202700015006288', bic: 'HYVEDEMMXXX' }] },
} satisfies Record<string, Client>;

/** Whom the firm pays. */
export const payees = {
  landlord: { name: 'Rheinblick Immobilien KG', iban: 'DE68370501980003318822', bic: 'COLSDE33XXX' },
  courtCashOffice: { name: 'Landeshauptkasse NRW - Gerichtskasse Koeln', iban: 'DE38300500000004004715', bic: 'HELADEFFXXX' },
  telekom: { name: 'Telekom Deutschland GmbH', iban: 'DE47590100660002446666', bic: 'PBNKDEFFXXX' },
  datev: { name: 'DATEV eG', iban: 'DE57760200700000112333', bic: 'HYVEDEMM460' },
  vogt: { name: 'Lena Vogt', iban: 'DE63370501980005543219', bic: 'COLSDE33XXX' },
  kraus: { name: 'Tobias Kraus', iban: 'DE07370400440217788990', bic: 'COBADEFFXXX' },
  taxOffice: { name: 'Finanzamt Koeln-Altstadt', iban: 'DE23370000000037001500', bic: 'MARKDEF1370' },
  insurer: { name: 'Allianz Versicherungs-AG', iban: 'DE26600800000901001100', bic: 'DRESDEFF600' },
  expert: { name: 'Sachverständigenbüro Dipl.-Ing. Kern', iban: 'DE49370501980044556677', bic: 'COLSDE33XXX' },
  vodafone: { name: 'Vodafone GmbH', iban: 'DE27300700100288877700', bic: 'DEUTDEDDXXX' },
  stationer: { name: 'Bürobedarf Schreiber GmbH', iban: 'DE55370501980011229988', bic: 'COLSDE33XXX' },
  bahn: { name: 'DB Fernverkehr AG', iban: 'DE43100700000123456700', bic: 'DEUTDEBBXXX' },
} satisfies Record<string, Party>;

/** Every IBAN of the sample, for the checks. */
export function allIbans(): string[] {
  return [
    firmAccount.iban,
    ...Object.values(clients).flatMap((c) => c.accounts.map((a) => a.iban)),
    ...Object.values(payees).map((p) => p.iban),
  ];
}

/**
 * A SEPA creditor identifier (Gläubiger-ID): country, check digits, business code (ignored by the check), national id.
 * The check digits are ISO 7064 MOD 97-10 over national id + country + "00", as for IBANs.
 */
export function creditorId(country: string, businessCode: string, nationalId: string): string {
  const digits = `${nationalId}${country}00`.toUpperCase().replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return `${country}${String(98 - remainder).padStart(2, '0')}${businessCode}${nationalId}`;
}
