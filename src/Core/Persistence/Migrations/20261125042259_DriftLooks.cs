using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lotte.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DriftLooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "drift_looks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    experiment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    staging_level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reference_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    staging_psi = table.Column<double>(type: "double precision", nullable: true),
                    production_psi = table.Column<double>(type: "double precision", nullable: true),
                    staging_ks_p_value = table.Column<double>(type: "double precision", nullable: true),
                    production_ks_p_value = table.Column<double>(type: "double precision", nullable: true),
                    comparisons_json = table.Column<string>(type: "jsonb", nullable: false),
                    histograms_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drift_looks", x => x.id);
                    table.ForeignKey(
                        name: "fk_drift_looks_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_drift_looks_experiment_id_id",
                table: "drift_looks",
                columns: new[] { "experiment_id", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "at", "staging_psi", "production_psi", "staging_ks_p_value", "production_ks_p_value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "drift_looks");
        }
    }
}
