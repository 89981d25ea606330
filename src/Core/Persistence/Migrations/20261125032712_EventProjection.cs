using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotte.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EventProjection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows stored before this migration were counted in their own request: they get transaction 0 (a constant
            // default, so no table rewrite), and the checkpoint below starts after them. New rows record their transaction.
            migrationBuilder.AddColumn<ulong>(
                name: "transaction_id",
                table: "raw_events",
                type: "xid8",
                nullable: false,
                defaultValueSql: "'0'::xid8");
            migrationBuilder.Sql("ALTER TABLE raw_events ALTER COLUMN transaction_id SET DEFAULT pg_current_xact_id();");

            migrationBuilder.CreateTable(
                name: "projection_checkpoints",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    last_transaction_id = table.Column<ulong>(type: "xid8", nullable: false),
                    last_raw_event_id = table.Column<long>(type: "bigint", nullable: false),
                    projected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projection_checkpoints", x => x.id);
                    table.CheckConstraint("ck_projection_checkpoints_single_row", "id = 1");
                });

            migrationBuilder.CreateIndex(
                name: "ix_raw_events_transaction_id_id",
                table: "raw_events",
                columns: new[] { "transaction_id", "id" });

            migrationBuilder.Sql("""
                INSERT INTO projection_checkpoints (id, last_transaction_id, last_raw_event_id, projected_at)
                VALUES (1, '0', COALESCE((SELECT max(id) FROM raw_events), 0), now());
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "projection_checkpoints");

            migrationBuilder.DropIndex(
                name: "ix_raw_events_transaction_id_id",
                table: "raw_events");

            migrationBuilder.DropColumn(
                name: "transaction_id",
                table: "raw_events");
        }
    }
}
