"""UI strings of the data upload `/admin/daten` (admins): the form, the outcome, the versions."""

MESSAGES: dict[str, tuple[str, str]] = {
    "upload_title": ("Daten hochladen", "Upload data"),
    "upload_intro": (
        "Laden Sie hier einen Export hoch: CSV (auch aus deutschem Excel), Parquet oder eine "
        "360Giving-Datei (JSON oder CSV). Er wird genauso geprüft wie beim Import über die "
        "Kommandozeile. Ein Export ist ein vollständiger Stand: er ersetzt seine Tabelle in "
        "einem neuen Datenstand, alle anderen Tabellen bleiben unverändert. Bei einem Fehler "
        "wird nichts geändert.",
        "Upload an export here: CSV (also from German Excel), Parquet or a 360Giving file (JSON "
        "or CSV). It is checked exactly as an import on the command line. An export is a "
        "complete snapshot: it replaces its table in a new dataset version, every other table "
        "stays as it is. If anything is wrong, nothing is changed.",
    ),
    # the form
    "upload_form_title": ("Export hochladen", "Upload an export"),
    "upload_file": (
        "Exportdatei (.csv, .txt, .tsv, .parquet oder .json, höchstens {} MB)",
        "Export file (.csv, .txt, .tsv, .parquet or .json, at most {} MB)",
    ),
    "upload_table": ("Tabelle", "Table"),
    "upload_table_auto": (
        "Automatisch erkennen (Dateiname oder Kopfzeile)",
        "Recognise automatically (file name or header)",
    ),
    "upload_decimal": ("Dezimaltrennzeichen", "Decimal sign"),
    "upload_decimal_auto": (
        "Automatisch (Semikolon-CSV: Komma, sonst Punkt)",
        "Automatic (semicolon CSV: comma, else point)",
    ),
    "upload_decimal_comma": ("Komma (1.234,56)", "Comma (1.234,56)"),
    "upload_decimal_point": ("Punkt (1,234.56)", "Point (1,234.56)"),
    "upload_submit": ("Hochladen und prüfen", "Upload and check"),
    "upload_client_too_large": (
        "Die Datei ist größer als {} MB und kann nicht hochgeladen werden.",
        "The file is larger than {} MB and cannot be uploaded.",
    ),
    # the outcome
    "upload_success_title": ("Import erfolgreich", "Import succeeded"),
    "upload_success_text": (
        "„{}“ ist als neuer Datenstand {} übernommen. Die Dashboards zeigen die neuen Daten "
        "ab sofort.",
        "“{}” is now the new dataset version {}. The dashboards show the new data right away.",
    ),
    "upload_success_rows": ("{}: {} Zeilen", "{}: {} rows"),
    "upload_rejected_title": ("Import abgelehnt", "Import refused"),
    "upload_rejected_text": (
        "In „{}“ wurden {} Probleme gefunden. Es wurde nichts geändert.",
        "{1} problems were found in “{0}”. Nothing was changed.",
    ),
    "upload_rejected_text_one": (
        "In „{}“ wurde 1 Problem gefunden. Es wurde nichts geändert.",
        "1 problem was found in “{}”. Nothing was changed.",
    ),
    "upload_rejected_first": (
        "Die ersten {} sind unten aufgeführt; bitte die Datei korrigieren und erneut hochladen.",
        "The first {} are listed below; please correct the file and upload it again.",
    ),
    "upload_rejected_all": (
        "Bitte die Datei korrigieren und erneut hochladen.",
        "Please correct the file and upload it again.",
    ),
    "upload_problems_caption": ("Probleme in „{}“", "Problems in “{}”"),
    "upload_col_file": ("Datei", "File"),
    "upload_col_row": ("Zeile", "Row"),
    "upload_col_column": ("Spalte", "Column"),
    "upload_col_entry": ("Eintrag", "Entry"),
    "upload_col_field": ("Feld", "Field"),
    "upload_col_value": ("Wert", "Value"),
    "upload_col_reason": ("Grund", "Reason"),
    "upload_table_hint": (
        "Bitte im Formular die Tabelle wählen",
        "Please choose the table in the form",
    ),
    "upload_no_file_title": ("Keine Datei gewählt", "No file chosen"),
    "upload_no_file_text": (
        "Bitte eine Exportdatei auswählen und erneut hochladen.",
        "Please choose an export file and upload again.",
    ),
    "upload_result_gone": (
        "Dieses Ergebnis ist nicht mehr vorhanden. Die Liste der Datenstände unten zeigt, was "
        "importiert wurde.",
        "This outcome is no longer available. The list of dataset versions below shows what was "
        "imported.",
    ),
    "upload_too_large_title": ("Datei zu groß", "File too large"),
    "upload_too_large_text": (
        "Die Datei ist größer als die erlaubten {} MB (MAX_UPLOAD_MB). Es wurde nichts geändert. "
        "Bitte eine kleinere Datei hochladen oder die Grenze im Betrieb anheben.",
        "The file is larger than the allowed {} MB (MAX_UPLOAD_MB). Nothing was changed. Please "
        "upload a smaller file or have the limit raised.",
    ),
    "upload_back": ("Zurück zum Hochladen", "Back to the upload"),
    # the versions
    "upload_versions_title": ("Datenstände", "Dataset versions"),
    "upload_versions_intro": (
        "Jeder Import ergibt einen neuen Datenstand; die letzten {} werden aufbewahrt. Alle "
        "Importe stehen außerdem im Protokoll.",
        "Every import makes a new dataset version; the latest {} are kept. Every import is "
        "also recorded in the audit log.",
    ),
    "upload_versions_caption": (
        "Datenstände, der neueste zuerst",
        "Dataset versions, newest first",
    ),
    "upload_versions_none": ("Noch kein Datenstand vorhanden.", "No dataset version yet."),
    "upload_col_when": ("Zeitpunkt", "Time"),
    "upload_col_by": ("Importiert von", "Imported by"),
    "upload_col_replaced": ("Ersetzte Tabellen", "Replaced tables"),
    "upload_col_version": ("Version", "Version"),
    "upload_col_state": ("Stand", "State"),
    "upload_current": ("aktuell", "current"),
    "upload_previous": ("frühere Version", "earlier version"),
    "upload_replaced_item": ("{} – {} Zeilen aus {}", "{} – {} rows from {}"),
    "upload_unknown": ("unbekannt", "unknown"),
    "upload_demo": ("Beispieldaten", "Sample data"),
}
