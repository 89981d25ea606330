using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotte.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IngestionAndStickyBand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "unattributed",
                table: "raw_events");

            migrationBuilder.AddColumn<double>(
                name: "staging_share_high",
                table: "experiments",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "staging_share_low",
                table: "experiments",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            // Existing experiments start their sticky band at their current share.
            migrationBuilder.Sql("UPDATE experiments SET staging_share_low = staging_share, staging_share_high = staging_share;");
            migrationBuilder.Sql(ChangeNotificationSql.Create);

            migrationBuilder.CreateTable(
                name: "ingestion_totals",
                columns: table => new
                {
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    events_accepted = table.Column<long>(type: "bigint", nullable: false),
                    events_duplicate = table.Column<long>(type: "bigint", nullable: false),
                    unattributed_conversions = table.Column<long>(type: "bigint", nullable: false),
                    units_in_both_arms = table.Column<long>(type: "bigint", nullable: false),
                    last_event_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingestion_totals", x => x.experiment_id);
                    table.ForeignKey(
                        name: "fk_ingestion_totals_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_raw_events_experiment_id_unit_pseudonym",
                table: "raw_events",
                columns: new[] { "experiment_id", "unit_pseudonym" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ChangeNotificationSql.Drop);
            migrationBuilder.DropTable(
                name: "ingestion_totals");

            migrationBuilder.DropIndex(
                name: "ix_raw_events_experiment_id_unit_pseudonym",
                table: "raw_events");

            migrationBuilder.DropColumn(
                name: "staging_share_high",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "staging_share_low",
                table: "experiments");

            migrationBuilder.AddColumn<bool>(
                name: "unattributed",
                table: "raw_events",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
