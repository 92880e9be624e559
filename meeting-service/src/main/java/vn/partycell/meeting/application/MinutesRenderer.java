package vn.partycell.meeting.application;

/** Port: prints minutes as a document a cell files and a superior reads (a PDF). */
public interface MinutesRenderer {

    /** The media type of what {@link #render} produces. */
    String mediaType();

    /** The file name extension, without the dot. */
    String extension();

    byte[] render(Minutes minutes);
}
