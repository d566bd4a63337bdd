package io.github.binlog2redshift.sink.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.sink.schema.DdlText.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DdlTextTest {

    @Test
    void renamesFromRenameColumnAndChange() {
        DdlText t =
                DdlText.parse(
                        "ALTER TABLE `shop`.`orders` RENAME COLUMN note TO remark, CHANGE `a b` `c``d` INT NOT NULL, CHANGE same same BIGINT");
        assertThat(t.kind()).isEqualTo(Kind.ALTER_TABLE);
        assertThat(t.renames())
                .containsExactly(Map.entry("note", "remark"), Map.entry("a b", "c`d"));
        assertThat(t.drops()).isEmpty();
    }

    @Test
    void dropsColumnsButNotKeysIndexesDefaultsOrComments() {
        DdlText t =
                DdlText.parse(
                        "ALTER TABLE t DROP COLUMN a, DROP b, DROP INDEX i, DROP PRIMARY KEY, DROP FOREIGN KEY fk,"
                                + " ALTER c DROP DEFAULT, DROP COLUMN IF EXISTS `d`, MODIFY e INT COMMENT 'drop x' /* drop y */ -- drop z");
        assertThat(t.drops()).containsExactly("a", "b", "d");
    }

    @Test
    void tableLevelStatements() {
        assertThat(DdlText.parse("TRUNCATE TABLE orders").kind()).isEqualTo(Kind.TRUNCATE_TABLE);
        assertThat(DdlText.parse("truncate orders").kind()).isEqualTo(Kind.TRUNCATE_TABLE);
        assertThat(DdlText.parse("DROP TABLE IF EXISTS `orders`").kind())
                .isEqualTo(Kind.DROP_TABLE);
        assertThat(DdlText.parse("CREATE TABLE orders (id INT)").kind())
                .isEqualTo(Kind.CREATE_TABLE);
        assertThat(DdlText.parse("CREATE INDEX i ON orders (id)").kind()).isEqualTo(Kind.OTHER);
        DdlText rename = DdlText.parse("RENAME TABLE shop.orders TO shop.orders_v2");
        assertThat(rename.kind()).isEqualTo(Kind.RENAME_TABLE);
        assertThat(rename.renamedFrom()).isEqualTo("orders");
        assertThat(rename.renamedFromDatabase()).isEqualTo("shop");
        DdlText alterRename = DdlText.parse("ALTER TABLE `orders` RENAME TO orders_v2");
        assertThat(alterRename.kind()).isEqualTo(Kind.RENAME_TABLE);
        assertThat(alterRename.renamedFrom()).isEqualTo("orders");
        assertThat(alterRename.renamedFromDatabase()).isNull();
        assertThat(DdlText.parse("ALTER TABLE `old db`.t RENAME AS t2").renamedFromDatabase())
                .isEqualTo("old db");
        assertThat(DdlText.parse("ALTER TABLE orders RENAME COLUMN a TO b").kind())
                .isEqualTo(Kind.ALTER_TABLE);
        assertThat(DdlText.parse("ALTER TABLE orders RENAME INDEX a TO b").renames()).isEmpty();
    }

    @Test
    void stripsStringsAndCommentsKeepingBackQuotedNames() {
        assertThat(DdlText.stripCommentsAndStrings("a 'x''y' `q``r` # c\nb /* d */ \"s\\\"t\""))
                .isEqualTo("a '''' `q``r` \nb   ''");
        assertThat(DdlText.parse("ALTER TABLE t ADD COLUMN x INT").drops()).isEqualTo(List.of());
    }

    /** Issue 12, fault 1: the committer reads a DDL in the warehouse's (folded) names. */
    @Test
    void namesAreMappedOutsideStringsAndComments() {
        String ddl =
                "ALTER TABLE `Shop`.`Orders` CHANGE `userId` `UserName` VARCHAR(20)"
                        + " COMMENT 'Keep Case', RENAME COLUMN Note TO `Re``mark` /* Keep */ -- X";
        String folded = DdlText.mapNames(ddl, n -> n.toLowerCase(java.util.Locale.ROOT));
        assertThat(folded)
                .isEqualTo(
                        "alter table `shop`.`orders` change `userid` `username` varchar(20)"
                                + " comment 'Keep Case', rename column note to `re``mark` /* Keep */ -- X");
        assertThat(DdlText.parse(folded).renames())
                .containsOnly(Map.entry("userid", "username"), Map.entry("note", "re`mark"));
        assertThat(DdlText.mapNames(ddl, n -> n)).isEqualTo(ddl);
        assertThat(DdlText.mapNames("ALTER TABLE t ADD `unterminated", n -> n.toUpperCase()))
                .isEqualTo("ALTER TABLE T ADD `unterminated");
        // A rename that only changes case is no rename in a warehouse that folds names.
        String caseOnly =
                DdlText.mapNames("ALTER TABLE t CHANGE userId userid INT", String::toLowerCase);
        assertThat(DdlText.parse(caseOnly).renames()).isEmpty();
    }
}
