package com.invgov.receiving;

import com.invgov.receiving.InvalidBarcode.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class Gs1BarcodeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final String GS = "\u001D";

    static Gs1Barcode parse(String scan) {
        return Gs1Barcode.parse(scan, TODAY);
    }

    static InvalidBarcode refused(String scan) {
        InvalidBarcode refusal = catchThrowableOfType(() -> parse(scan), InvalidBarcode.class);
        assertThat(refusal).as("refusal of %s", scan == null ? null : scan.replace(GS, "<GS>")).isNotNull();
        return refusal;
    }

    @Nested
    class Reads {

        @Test
        void theGs1ExampleInItsHumanReadableForm() {
            var barcode = parse("(01)09501101020917(17)261231(10)ABC123");

            assertThat(barcode.gtin()).isEqualTo("09501101020917");
            assertThat(barcode.expiry()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(barcode.lot()).isEqualTo("ABC123");
            assertThat(barcode.serial()).isNull();
            assertThat(barcode.itemCount()).isNull();
            assertThat(barcode.otherElements()).isEmpty();
        }

        @Test
        void rawScannerOutputWithSymbologyPrefixAndGsAfterEachVariableValue() {
            var barcode = parse("]C1" + "0104012345123456" + "17270615" + "10LOT-42/A" + GS + "21SN0001" + GS
                    + "3012" + "\r\n");

            assertThat(barcode.gtin()).isEqualTo("04012345123456");
            assertThat(barcode.expiry()).isEqualTo(LocalDate.of(2027, 6, 15));
            assertThat(barcode.lot()).isEqualTo("LOT-42/A");
            assertThat(barcode.serial()).isEqualTo("SN0001");
            assertThat(barcode.itemCount()).isEqualTo(12);
        }

        @Test
        void rawScannerOutputWithoutPrefixAndWithALeadingFnc1() {
            var barcode = parse(GS + "10B2026-11" + GS + "0109501101020917");

            assertThat(barcode.lot()).isEqualTo("B2026-11");
            assertThat(barcode.gtin()).isEqualTo("09501101020917");
        }

        @Test
        void aGsAfterAFixedLengthValueIsTolerated() {
            var barcode = parse("0109501101020917" + GS + "17261231" + GS + "10X");

            assertThat(barcode.gtin()).isEqualTo("09501101020917");
            assertThat(barcode.lot()).isEqualTo("X");
        }

        @Test
        void aPalletLabelWithSsccContainedGtinAndCountOfTradeItems() {
            // SSCC label of GS1 Logistic Label Guideline style: (00) SSCC, (02) content, (37) count, (10) lot
            var barcode = parse("]C1" + "00106141411234567897" + "0209501101020917" + "3724" + GS + "10L7788"
                    + GS + "400PO-26000");

            assertThat(barcode.containedGtin()).isEqualTo("09501101020917");
            assertThat(barcode.gtin()).isNull();
            assertThat(barcode.tradeItemCount()).isEqualTo(24);
            assertThat(barcode.lot()).isEqualTo("L7788");
            assertThat(barcode.otherElements()).containsExactly(Map.entry("00", "106141411234567897"),
                    Map.entry("400", "PO-26000"));
        }

        @Test
        void aCableReelWithNetWeightAndProductionDate() {
            var barcode = parse("(01)04012345123456(3103)012500(11)261102(10)R-5501");

            assertThat(barcode.otherElements()).containsEntry("3103", "012500").containsEntry("11", "261102");
            assertThat(barcode.lot()).isEqualTo("R-5501");
        }

        @Test
        void theHumanReadableFormWithSpacesAsPrintedUnderTheBars() {
            var barcode = parse("  (01) 09501101020917 (17) 261231 (10) ABC123  ");

            assertThat(barcode.gtin()).isEqualTo("09501101020917");
            assertThat(barcode.lot()).isEqualTo("ABC123");
        }

        @ParameterizedTest
        @ValueSource(strings = {"]d2", "]Q3"})
        void gs1DataMatrixAndQrPrefixes(String prefix) {
            assertThat(parse(prefix + "0109501101020917" + "10ABC").lot()).isEqualTo("ABC");
        }

        @Test
        void lotAndSerialUpTo20CharactersOfTheGs1CharacterSet() {
            String lot = "AZaz09!\"%&'()*+,-./_";
            String serial = ":;<=>?ABCDEFGHIJKLMN";

            var barcode = parse("10" + lot + GS + "21" + serial);

            assertThat(barcode.lot()).isEqualTo(lot).hasSize(20);
            assertThat(barcode.serial()).isEqualTo(serial).hasSize(20);
        }

        @Test
        void countsUpTo8Digits() {
            var barcode = parse("(30)99999999(37)00000012");

            assertThat(barcode.itemCount()).isEqualTo(99_999_999);
            assertThat(barcode.tradeItemCount()).isEqualTo(12);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "260200, 2026-02-28",
                "280200, 2028-02-29",
                "261100, 2026-11-30",
                "271231, 2027-12-31",
                "000101, 2000-01-01",
                // GS1 century window around 2026: 49 years ahead, 50 back
                "751231, 2075-12-31",
                "760101, 2076-01-01",
                "770101, 1977-01-01",
                "991231, 1999-12-31",
        })
        void expiryDatesWithDay00AsTheLastDayOfTheMonthAndTheGs1Century(String yymmdd, LocalDate expected) {
            assertThat(parse("(17)" + yymmdd).expiry()).isEqualTo(expected);
        }

        @Test
        void theCenturyFollowsTheDayOfTheScan() {
            assertThat(Gs1Barcode.parse("(17)050101", LocalDate.of(2080, 1, 1)).expiry())
                    .isEqualTo(LocalDate.of(2105, 1, 1));
        }

        @Test
        void humanReadableGivesTheElementsBackInIdentifierOrder() {
            var barcode = parse("10ABC" + GS + "0109501101020917" + "17261231" + "3103012500");

            assertThat(barcode.humanReadable()).isEqualTo("(01)09501101020917(10)ABC(17)261231(3103)012500");
            assertThat(parse(barcode.humanReadable())).isEqualTo(barcode);
        }
    }

    @Nested
    class Refuses {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\r\n", "]C1", GS + GS})
        void anEmptyScan(String scan) {
            assertThat(refused(scan).problem()).isEqualTo(Problem.EMPTY);
        }

        @Test
        void aNullScan() {
            assertThat(refused(null).problem()).isEqualTo(Problem.EMPTY);
        }

        @Test
        void anEan13ScanThatIsNoGs1ElementString() {
            var refusal = refused("]E04012345123456");

            assertThat(refusal.problem()).isEqualTo(Problem.NOT_GS1);
            assertThat(refusal.position()).isEqualTo(1);
            assertThat(refusal).hasMessageContaining("]E0");
        }

        @Test
        void anUnknownApplicationIdentifierSayingWhere() {
            var refusal = refused("]C1" + "0109501101020917" + "99");

            assertThat(refusal.problem()).as("99 is known (company internal), its value is missing")
                    .isEqualTo(Problem.EMPTY_VALUE);
            var unknown = refused("]C1" + "0109501101020917" + "04123");
            assertThat(unknown.problem()).isEqualTo(Problem.UNKNOWN_AI);
            assertThat(unknown.applicationIdentifier()).isEqualTo("04");
            assertThat(unknown.position()).isEqualTo(20);
            assertThat(unknown).hasMessage("Unknown application identifier '04' at position 20");
        }

        @Test
        void anUnknownApplicationIdentifierInBrackets() {
            var refusal = refused("(01)09501101020917(18)123456");

            assertThat(refusal.problem()).isEqualTo(Problem.UNKNOWN_AI);
            assertThat(refusal.applicationIdentifier()).isEqualTo("18");
            assertThat(refusal.position()).isEqualTo(20);
        }

        @Test
        void aWrongGtinCheckDigit() {
            var refusal = refused("(01)09501101020918(10)A");

            assertThat(refusal.problem()).isEqualTo(Problem.WRONG_CHECK_DIGIT);
            assertThat(refusal.applicationIdentifier()).isEqualTo("01");
            assertThat(refusal.position()).isEqualTo(18);
            assertThat(refusal).hasMessageContaining("check digit 8, expected 7");
        }

        @Test
        void aWrongSsccCheckDigit() {
            assertThat(refused("00106141411234567890").applicationIdentifier()).isEqualTo("00");
        }

        @Test
        void aGtinThatIsNotDigits() {
            var refusal = refused("01095011010209A7");

            assertThat(refusal.problem()).isEqualTo(Problem.NOT_NUMERIC);
            assertThat(refusal.position()).isEqualTo(15);
        }

        @Test
        void aGtinOf13Digits() {
            assertThat(refused("(01)9501101020917").problem()).isEqualTo(Problem.TOO_SHORT);
            var raw = refused("01950110102091" + GS + "10A");
            assertThat(raw.problem()).isEqualTo(Problem.TOO_SHORT);
            assertThat(raw).hasMessageContaining("needs 14 characters, has 12");
            assertThat(refused("0109501101020").problem()).isEqualTo(Problem.TOO_SHORT);
        }

        @Test
        void aGtinOf15DigitsInBrackets() {
            assertThat(refused("(01)095011010209170").problem()).isEqualTo(Problem.TOO_LONG);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"261301", "260001", "260230", "270229", "261232"})
        void anInvalidExpiryDate(String yymmdd) {
            var refusal = refused("0109501101020917" + "17" + yymmdd);

            assertThat(refusal.applicationIdentifier()).isEqualTo("17");
            assertThat(refusal.problem()).isEqualTo(Problem.INVALID_DATE);
            assertThat(refusal.position()).isEqualTo(19);
        }

        @Test
        void anExpiryDateWithLetters() {
            var refusal = refused("0109501101020917" + "17" + "26AB01");

            assertThat(refusal.problem()).isEqualTo(Problem.NOT_NUMERIC);
            assertThat(refusal.position()).isEqualTo(21);
        }

        @Test
        void anInvalidDateSaysWhichValue() {
            var refusal = refused("(17)261301");

            assertThat(refusal.problem()).isEqualTo(Problem.INVALID_DATE);
            assertThat(refusal).hasMessage("AI 17 (expiry date) '261301' at position 5 is not a date (YYMMDD)");
        }

        @Test
        void aLotLongerThan20() {
            var refusal = refused("0109501101020917" + "10" + "A".repeat(21));

            assertThat(refusal.problem()).isEqualTo(Problem.TOO_LONG);
            assertThat(refusal.applicationIdentifier()).isEqualTo("10");
            assertThat(refusal.position()).isEqualTo(19);
            assertThat(refusal).hasMessageContaining("21 characters long, at most 20");
        }

        @Test
        void aLotThatSwallowedTheNextElementBecauseTheGsWasMissing() {
            var refusal = refused("10LOT-2026-0001" + "17261231" + "21X");

            assertThat(refusal.problem()).isEqualTo(Problem.TOO_LONG);
            assertThat(refusal).hasMessageContaining("missing GS separator");
        }

        @Test
        void aSerialLongerThan20() {
            assertThat(refused("(21)" + "9".repeat(21)).applicationIdentifier()).isEqualTo("21");
        }

        @Test
        void aLotWithACharacterOutsideTheGs1Set() {
            var refusal = refused("(10)AB C");

            assertThat(refusal.problem()).isEqualTo(Problem.INVALID_CHARACTER);
            assertThat(refusal.position()).isEqualTo(7);
            var raw = refused("10AB#1");
            assertThat(raw.problem()).isEqualTo(Problem.INVALID_CHARACTER);
            assertThat(raw.position()).isEqualTo(5);
        }

        @Test
        void aNonNumericCount() {
            var refusal = refused("0109501101020917" + "3012A");

            assertThat(refusal.problem()).isEqualTo(Problem.NOT_NUMERIC);
            assertThat(refusal.applicationIdentifier()).isEqualTo("30");
            assertThat(refusal.position()).isEqualTo(21);
            assertThat(refused("(37)1.5").problem()).isEqualTo(Problem.NOT_NUMERIC);
        }

        @Test
        void aCountOfMoreThan8Digits() {
            assertThat(refused("(30)123456789").problem()).isEqualTo(Problem.TOO_LONG);
            assertThat(refused("37123456789").applicationIdentifier()).isEqualTo("37");
        }

        @Test
        void anEmptyLot() {
            var refusal = refused("10" + GS + "0109501101020917");

            assertThat(refusal.problem()).isEqualTo(Problem.EMPTY_VALUE);
            assertThat(refusal.applicationIdentifier()).isEqualTo("10");
            assertThat(refused("(01)09501101020917(10)").problem()).isEqualTo(Problem.EMPTY_VALUE);
        }

        @Test
        void theSameIdentifierTwice() {
            var refusal = refused("(10)A(01)09501101020917(10)B");

            assertThat(refusal.problem()).isEqualTo(Problem.DUPLICATE_AI);
            assertThat(refusal.applicationIdentifier()).isEqualTo("10");
            assertThat(refusal.position()).isEqualTo(28);
        }

        @Test
        void bracketsThatDoNotPairUp() {
            assertThat(refused("(01)09501101020917(10ABC").problem()).isEqualTo(Problem.MALFORMED);
            assertThat(refused("(01)09501101020917 X(10)A").problem()).as("text after a fixed-length value")
                    .isEqualTo(Problem.TOO_LONG);
        }

        @Test
        void aControlCharacterIsShownReadably() {
            var refusal = refused("10AB\u0007C");

            assertThat(refusal.problem()).isEqualTo(Problem.INVALID_CHARACTER);
            assertThat(refusal).hasMessageContaining("\\u0007");
        }
    }
}
