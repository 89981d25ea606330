using System.ComponentModel.DataAnnotations;

namespace Lotte.Core.Persistence;

/// <summary>Settings of the "Database" section. The connection string itself is ConnectionStrings:Lotte.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Lotte";

    [Required(ErrorMessage = "ConnectionStrings:Lotte is required (the PostgreSQL connection string).")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending migrations at start-up (Development). Production runs the migrate command.</summary>
    public bool MigrateOnStart { get; set; }
}
