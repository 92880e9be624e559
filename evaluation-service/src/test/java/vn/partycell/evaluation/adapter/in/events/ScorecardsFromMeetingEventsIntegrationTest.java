package vn.partycell.evaluation.adapter.in.events;

import vn.partycell.platform.test.ServiceIntegrationTest;

/** Scorecards built from MeetingClosed: embedded KRaft broker and mongo-java-server. */
@ServiceIntegrationTest
class ScorecardsFromMeetingEventsIntegrationTest extends ScorecardsFromMeetingEventsScenarios {}
