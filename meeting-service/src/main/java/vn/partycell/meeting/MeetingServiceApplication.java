package vn.partycell.meeting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Cell meetings (sinh hoạt chi bộ); keeps its own read model of cells and rosters from member events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MeetingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeetingServiceApplication.class, args);
    }
}
