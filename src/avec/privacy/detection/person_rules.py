"""Registration of the person rules that follow the context rules, in this order.

Imported at the end of ``context_rules`` (they use its helpers). The order of these imports is the
order recognizers register in, which the resolver's tie-break follows: add a new person module at
the end of the list.
"""

# isort: off
from avec.privacy.detection import (  # noqa: F401  (register on import)
    lexicon_names,
    person_contexts,
    person_notes,
    person_signatures,
    person_slots,
    team_rosters,
    login_tokens,
    first_name_caps,
    signature_initials,
    login_layouts,
    initials_fields,
    title_ocr_names,
    lower_note_authors,
    person_mentions,
    kinship_names,
    caps_surname_initials,
    initials_cells,
    note_first_names,
    login_columns,
    export_operators,
    titled_lists,
    statement_names,
    lower_first_names,
    lower_note_names,
    first_name_slots,
    initial_signature_lines,
    surname_lists,
    lower_particle_surnames,
    dotted_logins,
    listed_persons,
    vietnamese_names,
)
# isort: on
