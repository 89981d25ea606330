using Lotte.Core.Ingestion;

namespace Lotte.Core.Persistence;

/// <summary>
/// Any insert or update of an experiment (a new share, a rollback, a status change), however it is made,
/// notifies every replica on commit, so cached assignment settings are dropped at once.
/// </summary>
internal static class ChangeNotificationSql
{
    public const string Create = $"""
        CREATE OR REPLACE FUNCTION lotte_notify_experiment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{IngestionSql.ChangeChannel}', NEW.id::text);
            RETURN NULL;
        END $$;
        CREATE TRIGGER experiments_notify_changed AFTER INSERT OR UPDATE ON experiments
            FOR EACH ROW EXECUTE FUNCTION lotte_notify_experiment_changed();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS experiments_notify_changed ON experiments;
        DROP FUNCTION IF EXISTS lotte_notify_experiment_changed();
        """;
}
