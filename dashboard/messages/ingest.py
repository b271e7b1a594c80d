"""Why an import refused an export (`dashboard.ingest`): the CLI's report and the upload page's.

A `Problem` keeps one of these keys and its values; it becomes text only when shown, in the
reader's language. `ingest_which_table` and `ingest_ambiguous` end in the hint where to give the
table: `ingest_table_hint` on the command line, `upload_table_hint` on the upload page.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # reading a file
    "ingest_mixed_encoding": (
        "Gemischte Zeichenkodierung: die Datei ist größtenteils UTF-8, enthält hier aber ein "
        "Zeichen in einer anderen Kodierung (z. B. Windows-1252). Bitte einheitlich als UTF-8 "
        "speichern.",
        "Mixed character encodings: the file is mostly UTF-8 but holds a character in another "
        "encoding here (e.g. Windows-1252). Please save it as UTF-8 throughout.",
    ),
    "ingest_busy": (
        "Der Datenstand wurde während dieses Imports mehrmals von anderen Importen geändert; "
        "bitte den Import erneut starten.",
        "Other imports changed the data several times during this import; please start it again.",
    ),
    "ingest_empty": (
        "Die Datei ist leer: keine Kopfzeile, keine Daten.",
        "The file is empty: no header, no data.",
    ),
    "ingest_empty_folder": (
        "Der Ordner enthält keine Exportdatei (.csv, .txt, .tsv, .parquet, .json).",
        "The folder holds no export file (.csv, .txt, .tsv, .parquet, .json).",
    ),
    "ingest_missing_file": ("Datei oder Ordner nicht gefunden.", "File or folder not found."),
    "ingest_table_for_folder": (
        "--table gilt nur für eine einzelne Datei, nicht für einen Ordner.",
        "--table applies to a single file only, not to a folder.",
    ),
    "ingest_twice": (
        "Diese Tabelle kommt in diesem Import zweimal vor (auch in {}).",
        "This table appears twice in this import (also in {}).",
    ),
    "ingest_binary": (
        "Die Datei enthält Steuerzeichen: das ist keine CSV-Textdatei (Binärdatei?).",
        "The file contains control characters: this is no CSV text file (a binary file?).",
    ),
    "ingest_encoding": (
        "Zeichenkodierung nicht erkannt: weder UTF-8 noch Windows-1252.",
        "Character encoding not recognised: neither UTF-8 nor Windows-1252.",
    ),
    # {}: the CSV reader's own words, as it gives them
    "ingest_csv": ("Die CSV-Datei ist nicht lesbar ({})", "The CSV file cannot be read ({})"),
    "ingest_ragged_short": (
        "Die Zeile hat {} Felder, die Kopfzeile {}: ab dieser Spalte fehlen die Werte "
        "(Anführungszeichen oder Zeilenumbruch verrutscht?).",
        "The row has {} fields, the header {}: the values from this column on are missing "
        "(a quote or a line break out of place?).",
    ),
    "ingest_ragged_long": (
        "Die Zeile hat {} Felder, die Kopfzeile {}: ein Trennzeichen zu viel "
        "(ein Wert mit „{}“ ohne Anführungszeichen?).",
        "The row has {} fields, the header {}: one separator too many "
        "(a value containing “{}” without quotes?).",
    ),
    "ingest_no_rows": ("Die Datei enthält keine Datenzeilen.", "The file holds no data rows."),
    "ingest_no_grants": (
        'Die 360Giving-Datei enthält keine Förderungen ("grants" ist leer).',
        'The 360Giving file holds no grants ("grants" is empty).',
    ),
    "ingest_not_object": (
        "Der Eintrag in der Liste grants ist kein JSON-Objekt.",
        "This entry of the grants list is no JSON object.",
    ),
    "ingest_dup_header": (
        "Die Spalte kommt in der Kopfzeile doppelt vor.",
        "The column appears twice in the header.",
    ),
    "ingest_missing_column": (
        "Pflichtspalte fehlt in der Kopfzeile.",
        "A required column is missing from the header.",
    ),
    # the last {}: where to give the table (ingest_table_hint, upload_table_hint)
    "ingest_which_table": (
        "Tabelle nicht erkannt: Dateiname oder Kopfzeile passen zu keiner Tabelle "
        "(bekannt: {}). {}.",
        "Table not recognised: neither the file name nor the header fits a table (known: {}). {}.",
    ),
    "ingest_ambiguous": (
        "Tabelle nicht eindeutig: die Kopfzeile passt zu {}. {}.",
        "Table not unambiguous: the header fits {}. {}.",
    ),
    "ingest_table_hint": ("Mit --table angeben", "Give it with --table"),
    # --table names no table (the command line only: the upload form offers the known ones)
    "ingest_unknown_table": (
        "Unbekannte Tabelle {}; bekannt sind: {}",
        "Unknown table {}; known tables: {}",
    ),
    "ingest_parquet": (
        "Die Parquet-Datei ist nicht lesbar ({})",
        "The Parquet file cannot be read ({})",
    ),
    "ingest_json": ("Die JSON-Datei ist nicht lesbar ({})", "The JSON file cannot be read ({})"),
    "ingest_json_kind": (
        'JSON wird nur als 360Giving-Datei ({"grants": [...]}) für die Tabelle grants gelesen.',
        'JSON is read only as a 360Giving file ({"grants": [...]}) for the table grants.',
    ),
    "ingest_360_missing_title": (
        "Pflichtspalte des 360Giving-Standards fehlt.",
        "Required column of the 360Giving standard is missing.",
    ),
    "ingest_360_missing_currency": (
        "Die Währung fehlt: 360Giving-Dateien müssen sie je Förderung angeben.",
        "The currency is missing: 360Giving files must give it for each grant.",
    ),
    # checking a cell
    "ingest_nul": (
        "Der Wert enthält ein NUL-Byte: ist die Datei beschädigt oder eine Binärdatei?",
        "The value contains a NUL byte: is the file damaged, or a binary file?",
    ),
    "ingest_control": (
        "Der Wert enthält Steuerzeichen, die in einer Textdatei nicht vorkommen.",
        "The value contains control characters that a text file does not hold.",
    ),
    "ingest_required": ("Pflichtfeld ist leer.", "Required field is empty."),
    "ingest_money": (
        "Kein Geldbetrag (erwartet z. B. {}, höchstens zwei Nachkommastellen).",
        "Not an amount of money (expected e.g. {}, at most two decimals).",
    ),
    "ingest_integer": ("Keine ganze Zahl.", "Not a whole number."),
    "ingest_date": (
        "Kein gültiges Datum (erwartet JJJJ-MM-TT oder TT.MM.JJJJ).",
        "Not a valid date (expected YYYY-MM-DD or DD.MM.YYYY).",
    ),
    "ingest_boolean": (
        "Kein Wahrheitswert (erwartet true/false, ja/nein oder 1/0).",
        "Not a truth value (expected true/false, ja/nein or 1/0).",
    ),
    "ingest_negative": ("Der Wert darf nicht negativ sein.", "The value must not be negative."),
    "ingest_youtube": (
        "Keine zulässige Video-URL: erlaubt sind nur https-Adressen von YouTube "
        "(youtube.com/watch?v=, youtu.be/, youtube.com/embed/) mit 11-stelliger Video-ID.",
        "Not an allowed video URL: only https addresses of YouTube are allowed "
        "(youtube.com/watch?v=, youtu.be/, youtube.com/embed/) with an 11-character video id.",
    ),
    "ingest_currency": (
        "Keine Währung nach ISO 4217 (drei Großbuchstaben, z. B. EUR).",
        "Not an ISO 4217 currency (three capital letters, e.g. EUR).",
    ),
    "ingest_url": (
        "Keine Web-Adresse (erwartet http:// oder https://).",
        "Not a web address (expected http:// or https://).",
    ),
    "ingest_allowed": ("Unbekannter Wert; erlaubt: {}.", "Unknown value; allowed: {}."),
    # a CSV or Parquet export counts rows, a 360Giving JSON file its entries
    "ingest_duplicate": (
        "Doppelte Kennung (zuerst in Zeile {}).",
        "Duplicate identifier (first in row {}).",
    ),
    "ingest_duplicate_entry": (
        "Doppelte Kennung (zuerst in Eintrag {}).",
        "Duplicate identifier (first in entry {}).",
    ),
    # references
    "ingest_dangling": (
        "Verweis ins Leere: kein Eintrag mit diesem Wert in {}.{}.",
        "Reference to nothing: no entry with this value in {}.{}.",
    ),
    "ingest_no_table": (
        "Verweis ins Leere: im Datenbestand gibt es noch keine Tabelle {} (Spalte {}); "
        "sie muss vorher oder mit diesem Import kommen.",
        "Reference to nothing: the data has no table {} yet (column {}); it must come before or "
        "with this import.",
    ),
    "ingest_still_used": (
        "Der Wert wird noch von {}.{} verwendet ({} Zeile(n)), fehlt aber in dieser Datei.",
        "The value is still used by {}.{} ({} row(s)) but is missing from this file.",
    ),
    # the report: `file, Zeile 3, Spalte amount – Wert 'abc': reason`
    "ingest_at_row": ("Zeile {}", "row {}"),
    "ingest_at_column": ("Spalte {}", "column {}"),
    "ingest_at_entry": ("Eintrag {}", "entry {}"),
    "ingest_at_field": ("Feld {}", "field {}"),
    "ingest_at_value": (" – Wert {}", " – value {}"),
    "ingest_found_one": ("{} Problem gefunden", "{} problem found"),
    "ingest_found_many": ("{} Probleme gefunden", "{} problems found"),
    "ingest_found_first": (" (die ersten {} folgen)", " (the first {} follow)"),
    "ingest_report": (
        "Import abgelehnt: {}, nichts wurde geändert.",
        "Import refused: {}, nothing was changed.",
    ),
    # the command line
    "ingest_cli_reading": ("Lese Export", "Reading export"),
    "ingest_cli_rows": ("{}: {} Zeilen", "{}: {} rows"),
    "ingest_cli_done": ("Neue Datenversion {} in {} ({}).", "New dataset version {} in {} ({})."),
}
