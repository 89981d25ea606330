namespace Lotte.Core.Persistence;

/// <summary>
/// SQL for tables whose rows may be inserted but never updated or deleted (raw events, audit log).
/// TRUNCATE stays possible for an operator (and for resetting test databases).
/// </summary>
internal static class AppendOnlySql
{
    public const string CreateGuardFunction = """
        CREATE OR REPLACE FUNCTION lotte_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END $$;
        """;

    public const string DropGuardFunction = "DROP FUNCTION IF EXISTS lotte_reject_change();";

    public static string Guard(string table) =>
        $"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION lotte_reject_change();";

    public static string DropGuard(string table) => $"DROP TRIGGER IF EXISTS {table}_append_only ON {table};";
}
