"""Banks: named hash lists with provenance (``lists``), their entries (``entries``, the one
module that writes them), importing and exporting whole lists (``importing``) in the
formats of ``formats/``.

``from safeguard import banks`` gives the public operations of all three.
"""

from safeguard.banks.entries import (
    EntryState,
    NewEntry,
    add_entries,
    disable_entries_by_id,
    iter_entries,
    page_entries,
    put_entry_states,
    set_entries_disabled,
    set_entry_metadata,
)
from safeguard.banks.importing import (
    ImportRejected,
    ImportReport,
    Opener,
    export_list,
    import_list,
    spool,
    validate_list,
)
from safeguard.banks.lists import (
    BankError,
    BankExists,
    BankKind,
    BankNotFound,
    BankSpec,
    BankSummary,
    InvalidBank,
    create_bank,
    delete_bank,
    get_bank,
    list_banks,
    set_bank_enabled,
    summarize,
    update_bank,
)

__all__ = [
    "BankError",
    "BankExists",
    "BankKind",
    "BankNotFound",
    "BankSpec",
    "BankSummary",
    "EntryState",
    "ImportRejected",
    "ImportReport",
    "InvalidBank",
    "NewEntry",
    "Opener",
    "add_entries",
    "create_bank",
    "delete_bank",
    "disable_entries_by_id",
    "export_list",
    "get_bank",
    "import_list",
    "iter_entries",
    "list_banks",
    "page_entries",
    "put_entry_states",
    "set_bank_enabled",
    "set_entries_disabled",
    "set_entry_metadata",
    "spool",
    "summarize",
    "update_bank",
    "validate_list",
]
