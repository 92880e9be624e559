package vn.partycell.meeting.application;

class InMemoryRosterRepositoryTest extends RosterRepositoryContract {

    private final InMemoryRosterRepository repository = new InMemoryRosterRepository();

    @Override
    protected RosterRepository repository() {
        return repository;
    }
}
