using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lotte.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RegistryOutboxMovesAndVersionTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lead_action_id",
                table: "registry_outbox");

            migrationBuilder.RenameColumn(
                name: "target_stage",
                table: "registry_outbox",
                newName: "kind");

            migrationBuilder.AddColumn<string>(
                name: "approval_reference",
                table: "registry_outbox",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "experiment_key",
                table: "registry_outbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                table: "registry_outbox",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "replaced_version",
                table: "registry_outbox",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "tags",
                table: "model_versions",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "approval_reference",
                table: "registry_outbox");

            migrationBuilder.DropColumn(
                name: "experiment_key",
                table: "registry_outbox");

            migrationBuilder.DropColumn(
                name: "outcome",
                table: "registry_outbox");

            migrationBuilder.DropColumn(
                name: "replaced_version",
                table: "registry_outbox");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "model_versions");

            migrationBuilder.RenameColumn(
                name: "kind",
                table: "registry_outbox",
                newName: "target_stage");

            migrationBuilder.AddColumn<Guid>(
                name: "lead_action_id",
                table: "registry_outbox",
                type: "uuid",
                nullable: true);
        }
    }
}
