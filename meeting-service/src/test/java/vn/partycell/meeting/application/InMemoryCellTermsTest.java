package vn.partycell.meeting.application;

/** The in-memory terms keep the port's contract, so use-case tests on them mean something. */
class InMemoryCellTermsTest extends CellTermsContract {

    private final InMemoryCellTerms terms = new InMemoryCellTerms();

    @Override
    protected CellTerms terms() {
        return terms;
    }
}
